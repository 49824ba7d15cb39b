import type { StageCode } from '@lianxiao/demo-data';
import type { StageConditions } from './stage-conditions';

export interface StageDefinition {
  code: StageCode;
  nameZh: string;
  nameEn: string;
  nodes: { code: string; nameZh: string; nameEn: string }[];
  /** A forward move may pass over an optional stage. */
  optional?: boolean;
  entry?: Partial<StageConditions>;
  exit?: Partial<StageConditions>;
}

/** The default 七阶十六节点 model seeded on first start; an admin may edit the rows later. */
export const DEFAULT_STAGE_MODEL: readonly StageDefinition[] = [
  { code: 'LEAD', nameZh: '线索', nameEn: 'Lead', nodes: [
    { code: 'LEAD_CAPTURED', nameZh: '线索录入', nameEn: 'Lead captured' },
    { code: 'FIRST_CONTACT', nameZh: '初次联系', nameEn: 'First contact' },
  ] },
  { code: 'INQUIRY', nameZh: '询盘', nameEn: 'Inquiry', nodes: [
    { code: 'REQUIREMENT_CONFIRMED', nameZh: '需求确认', nameEn: 'Requirement confirmed' },
    { code: 'INQUIRY_RECORDED', nameZh: '询盘记录', nameEn: 'Inquiry recorded' },
  ] },
  { code: 'SAMPLING', nameZh: '打样', nameEn: 'Sampling', nodes: [
    { code: 'SAMPLE_MADE', nameZh: '样品制作', nameEn: 'Sample made' },
    { code: 'SAMPLE_SENT', nameZh: '样品寄送', nameEn: 'Sample sent' },
    { code: 'SAMPLE_TEST_REPORT', nameZh: '样品测试报告', nameEn: 'Sample test report received' },
  ] },
  { code: 'QUOTATION', nameZh: '报价', nameEn: 'Quotation', nodes: [
    { code: 'QUOTE_SUBMITTED', nameZh: '报价提交', nameEn: 'Quote submitted' },
    { code: 'PRICE_NEGOTIATION', nameZh: '价格谈判', nameEn: 'Price negotiation' },
    { code: 'QUOTE_CONFIRMED', nameZh: '报价确认', nameEn: 'Quote confirmed' },
  ] },
  // Entering 试产评估 needs technical alignment done and a sample test report (PRODUCT.md §2).
  // Optional: a quotation may go straight to contract (报价 → 合同).
  { code: 'TRIAL', nameZh: '试产评估', nameEn: 'Trial-production evaluation', optional: true,
    entry: { requiredNodes: ['TECH_ALIGNED'], requiredEvidence: ['SAMPLE_TEST_REPORT'] }, nodes: [
    { code: 'TECH_ALIGNED', nameZh: '技术对齐', nameEn: 'Technical alignment done' },
    { code: 'TRIAL_EVALUATED', nameZh: '试产评估', nameEn: 'Trial production evaluated' },
  ] },
  // 报价 → 合同 (and 试产评估 → 合同) needs the sealed contract scan and the signature-page close-up.
  { code: 'CONTRACT', nameZh: '合同', nameEn: 'Contract',
    entry: { requiredEvidence: ['CONTRACT_SEAL_SCAN', 'SIGNATURE_PAGE_CLOSEUP'] }, nodes: [
    { code: 'CONTRACT_NEGOTIATION', nameZh: '合同谈判', nameEn: 'Contract negotiation' },
    { code: 'CONTRACT_SIGNED', nameZh: '合同签署', nameEn: 'Contract signed' },
  ] },
  { code: 'DELIVERY', nameZh: '批量交付', nameEn: 'Mass delivery', nodes: [
    { code: 'FIRST_DELIVERY', nameZh: '首批交付', nameEn: 'First batch delivered' },
    { code: 'MASS_DELIVERY', nameZh: '批量交付', nameEn: 'Mass delivery' },
  ] },
];
