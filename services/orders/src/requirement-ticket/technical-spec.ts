import { DomainError, ErrorDetail } from '@lianxiao/platform';

/** The 12 mandatory fields of a requirement ticket's technical specification (PRODUCT.md §3). */
export const SPEC_FIELDS = [
  { key: 'material', labelZh: '材质', labelEn: 'material', maxLength: 64 },
  { key: 'tolerance', labelZh: '公差', labelEn: 'tolerance', maxLength: 64 },
  { key: 'surfaceTreatment', labelZh: '表面处理', labelEn: 'surface treatment', maxLength: 64 },
  { key: 'dimensions', labelZh: '尺寸', labelEn: 'dimensions', maxLength: 128 },
  { key: 'quantity', labelZh: '数量', labelEn: 'quantity', maxLength: 0 },
  { key: 'hardness', labelZh: '硬度', labelEn: 'hardness', maxLength: 32 },
  { key: 'unitWeight', labelZh: '单重', labelEn: 'unit weight', maxLength: 32 },
  { key: 'packaging', labelZh: '包装', labelEn: 'packaging', maxLength: 128 },
  { key: 'certificationStandard', labelZh: '认证标准', labelEn: 'certification standard', maxLength: 128 },
  { key: 'inspectionStandard', labelZh: '检验标准', labelEn: 'inspection standard', maxLength: 128 },
  { key: 'colour', labelZh: '颜色', labelEn: 'colour', maxLength: 32 },
  { key: 'craftNotes', labelZh: '工艺备注', labelEn: 'craft notes', maxLength: 2000 },
] as const;

export type SpecFieldKey = (typeof SPEC_FIELDS)[number]['key'];
export type SpecFieldDefinition = (typeof SPEC_FIELDS)[number];

/** The values a ticket carries for its specification; drafts may leave any of them empty. */
export type TechnicalSpecValues = { [K in Exclude<SpecFieldKey, 'quantity'>]?: string | null } & { quantity?: number | null };

export const SPEC_INCOMPLETE = 'SPEC_INCOMPLETE';

function isBlank(value: string | number | null | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Spec fields with no value, in the order of the form. */
export function missingSpecFields(values: TechnicalSpecValues): SpecFieldDefinition[] {
  return SPEC_FIELDS.filter((f) => isBlank(values[f.key]));
}

/** Refuses a submission that lacks spec fields, naming every missing one in Chinese and English. */
export function assertSpecComplete(values: TechnicalSpecValues): void {
  const missing = missingSpecFields(values);
  if (!missing.length) return;
  const details: ErrorDetail[] = missing.map((f) => ({ field: f.key, messageZh: `缺少${f.labelZh}`, messageEn: `Missing ${f.labelEn}` }));
  throw new DomainError(
    SPEC_INCOMPLETE,
    `技术规格不完整，缺少：${missing.map((f) => f.labelZh).join('、')}`,
    `The technical specification is incomplete. Missing: ${missing.map((f) => f.labelEn).join(', ')}`,
    details,
    400,
  );
}

/**
 * Fields with units (PRODUCT.md §3): what a value must look like and the hint shown when it does
 * not. Tolerance in ±mm (or an ISO 2768 / GB/T 1804 class or IT grade), hardness with its scale,
 * unit weight in g or kg.
 */
export const SPEC_UNITS = {
  tolerance: {
    pattern: /^(±\s*\d+(\.\d+)?\s*mm|[+-]\s*\d+(\.\d+)?\s*\/\s*[+-]?\s*\d+(\.\d+)?\s*mm|IT\s?\d{1,2}|ISO\s?2768-[fmcv]{1,2}|GB\/T\s?1804-[fmcv])$/i,
    unitsZh: '±mm（如 ±0.05 mm），或 IT 等级 / ISO 2768 / GB/T 1804 公差等级',
    unitsEn: '±mm (e.g. ±0.05 mm), or an IT grade / ISO 2768 / GB/T 1804 class',
  },
  hardness: {
    pattern: /^(HRC|HRB|HRA|HBW|HB|HV|Shore\s?[AD])\s*\d+(\.\d+)?(\s*[-–~]\s*\d+(\.\d+)?)?$/i,
    unitsZh: 'HRC / HB / HV / Shore 标尺加数值（如 HRC 58-62、HB 95）',
    unitsEn: 'a scale and value: HRC / HB / HV / Shore (e.g. HRC 58-62, HB 95)',
  },
  unitWeight: {
    pattern: /^\d+(\.\d+)?\s*(g|kg)$/i,
    unitsZh: 'g 或 kg（如 58 g、0.35 kg）',
    unitsEn: 'g or kg (e.g. 58 g, 0.35 kg)',
  },
} as const satisfies Partial<Record<SpecFieldKey, { pattern: RegExp; unitsZh: string; unitsEn: string }>>;

/** Values that are present but unusable: too long, without their unit, or a quantity that is not a positive integer. */
export function invalidSpecValues(values: TechnicalSpecValues): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const f of SPEC_FIELDS) {
    const value = values[f.key];
    if (isBlank(value)) continue;
    if (f.key === 'quantity') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
        problems.push({ field: f.key, messageZh: '数量须为正整数', messageEn: 'quantity must be a positive integer' });
      }
    } else if (typeof value === 'string' && value.trim().length > f.maxLength) {
      problems.push({ field: f.key, messageZh: `${f.labelZh}不能超过 ${f.maxLength} 个字符`, messageEn: `${f.labelEn} must be at most ${f.maxLength} characters` });
    } else if (typeof value === 'string' && f.key in SPEC_UNITS) {
      const unit = SPEC_UNITS[f.key as keyof typeof SPEC_UNITS];
      if (!unit.pattern.test(value.trim())) {
        problems.push({ field: f.key, messageZh: `${f.labelZh}须带单位：${unit.unitsZh}`, messageEn: `${f.labelEn} needs its unit: ${unit.unitsEn}` });
      }
    }
  }
  return problems;
}
