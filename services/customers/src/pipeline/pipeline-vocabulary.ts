/** Names of the things a stage condition can ask for, in both languages. */
export interface Label { zh: string; en: string }

export const EVIDENCE_TYPES = {
  SAMPLE_TEST_REPORT: { zh: '样品测试报告', en: 'sample test report' },
  QUOTATION_ESIGNED: { zh: '电子签章报价单', en: 'e-signed quotation' },
  CONTRACT_SEAL_SCAN: { zh: '合同盖章扫描件', en: 'contract scan with company seal' },
  SIGNATURE_PAGE_CLOSEUP: { zh: '签字页特写', en: 'close-up of the signature page' },
  DELIVERY_NOTE: { zh: '送货单', en: 'delivery note' },
  OTHER: { zh: '其他附件', en: 'other attachment' },
} as const satisfies Record<string, Label>;

export type EvidenceType = keyof typeof EVIDENCE_TYPES;
export const EVIDENCE_TYPE_CODES = Object.keys(EVIDENCE_TYPES) as EvidenceType[];

/** Evidence whose e-signature watermark must match the upload time. */
export const WATERMARKED_EVIDENCE_TYPES: readonly string[] = ['QUOTATION_ESIGNED'];

/** Customer fields a stage may require. */
export const CUSTOMER_FIELD_LABELS: Record<string, Label> = {
  creditCode: { zh: '统一社会信用代码', en: 'unified social credit code' },
  phone: { zh: '联系电话', en: 'phone number' },
  provinceCode: { zh: '省份', en: 'province' },
  city: { zh: '城市', en: 'city' },
  nextActionDate: { zh: '下次行动日期', en: 'next action date' },
  contractedAmount: { zh: '合同金额', en: 'contracted amount' },
  productLines: { zh: '产品线', en: 'product lines' },
};

export function evidenceLabel(type: string): Label {
  return (EVIDENCE_TYPES as Record<string, Label>)[type] ?? { zh: type, en: type };
}

export function fieldLabel(field: string): Label {
  return CUSTOMER_FIELD_LABELS[field] ?? { zh: field, en: field };
}

export const PipelineErrorCode = {
  STAGE_CONDITIONS_UNMET: 'STAGE_CONDITIONS_UNMET',
  STAGE_SKIP_NOT_ALLOWED: 'STAGE_SKIP_NOT_ALLOWED',
  STAGE_MOVE_INVALID: 'STAGE_MOVE_INVALID',
  EVIDENCE_WATERMARK_MISMATCH: 'EVIDENCE_WATERMARK_MISMATCH',
  EVIDENCE_FILE_REFUSED: 'EVIDENCE_FILE_REFUSED',
} as const;
