import { conditionsOf } from '../stage/stage-conditions';
import { DEFAULT_STAGE_MODEL } from '../stage/default-stage-model';
import { missingItems, missingMessage } from './stage-condition-check';

const nodeNames = new Map(DEFAULT_STAGE_MODEL.flatMap((s) => s.nodes).map((n) => [n.code, { zh: n.nameZh, en: n.nameEn }]));
const nodeLabel = (code: string) => nodeNames.get(code) ?? { zh: code, en: code };
const stage = (code: string) => DEFAULT_STAGE_MODEL.find((s) => s.code === code)!;
const facts = (over: { nodes?: string[]; evidence?: string[]; customer?: Record<string, unknown> } = {}) => ({
  completedNodes: new Set(over.nodes ?? []),
  evidenceTypes: new Set(over.evidence ?? []),
  customer: over.customer ?? {},
});

describe('stage conditions: what is missing', () => {
  it('QUOTATION → CONTRACT without evidence names both missing files, zh and en', () => {
    const missing = missingItems([conditionsOf(stage('QUOTATION').exit), conditionsOf(stage('CONTRACT').entry)], facts(), nodeLabel);
    expect(missing.map((m) => m.code)).toEqual(['CONTRACT_SEAL_SCAN', 'SIGNATURE_PAGE_CLOSEUP']);
    const message = missingMessage(missing);
    expect(message.messageZh).toBe('缺少：合同盖章扫描件、签字页特写');
    expect(message.messageEn).toBe('Missing: contract scan with company seal, close-up of the signature page');
    expect(message.details).toHaveLength(2);
    expect(message.details[0]).toMatchObject({ kind: 'evidence', code: 'CONTRACT_SEAL_SCAN' });
  });

  it('QUOTATION → CONTRACT with one file names only the other', () => {
    const missing = missingItems([conditionsOf(stage('CONTRACT').entry)], facts({ evidence: ['CONTRACT_SEAL_SCAN'] }), nodeLabel);
    expect(missingMessage(missing).messageZh).toBe('缺少：签字页特写');
  });

  it('entering TRIAL needs technical alignment done and a sample test report', () => {
    const missing = missingItems([conditionsOf(stage('TRIAL').entry)], facts(), nodeLabel);
    expect(missingMessage(missing).messageZh).toBe('缺少：技术对齐、样品测试报告');
    expect(missingMessage(missing).messageEn).toBe('Missing: Technical alignment done, sample test report');
    expect(missingItems([conditionsOf(stage('TRIAL').entry)], facts({ nodes: ['TECH_ALIGNED'], evidence: ['SAMPLE_TEST_REPORT'] }), nodeLabel)).toEqual([]);
  });

  it('required customer fields: empty string, null and 0 count as missing; each item is named once', () => {
    const conditions = [
      { requiredNodes: [], requiredFields: ['phone', 'contractedAmount', 'city'], requiredEvidence: [] },
      { requiredNodes: [], requiredFields: ['phone'], requiredEvidence: [] },
    ];
    const missing = missingItems(conditions, facts({ customer: { phone: ' ', contractedAmount: 0, city: '苏州' } }), nodeLabel);
    expect(missing.map((m) => `${m.kind}:${m.code}`)).toEqual(['field:phone', 'field:contractedAmount']);
    expect(missingMessage(missing).details[0]).toMatchObject({ field: 'phone' });
  });

  it('no conditions, nothing missing', () => {
    expect(missingItems([conditionsOf(null), conditionsOf(stage('LEAD').exit)], facts(), nodeLabel)).toEqual([]);
  });
});
