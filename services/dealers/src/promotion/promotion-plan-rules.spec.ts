import { DomainError } from '@lianxiao/platform';
import { assertPlanDeletable, checkPromotionPlan, dayNumber, nextPlanStatus, PromotionPlanDraft } from './promotion-plan-rules';
import { PromotionPlanStatus } from './promotion-plan.entity';

const draft = (over: Partial<PromotionPlanDraft> = {}): PromotionPlanDraft => ({
  year: 2026, name: ' 双十二光伏节 ', startDate: '2026-12-01', endDate: '2026-12-31', budget: 50_000, expectedUpliftPct: 15.5, productLine: '光伏支架', ...over,
});
const refusal = (over: Partial<PromotionPlanDraft>): DomainError => {
  try {
    checkPromotionPlan(draft(over));
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('promotion plan checks', () => {
  it('accepts a plan and trims the name; a status left out stays null (PLANNED when new, unchanged on edit)', () => {
    expect(checkPromotionPlan(draft())).toEqual({
      year: 2026, name: '双十二光伏节', startDate: '2026-12-01', endDate: '2026-12-31', budget: 50_000, expectedUpliftPct: 15.5, productLine: '光伏支架', status: null,
    });
    expect(checkPromotionPlan(draft({ status: PromotionPlanStatus.RUNNING })).status).toBe(PromotionPlanStatus.RUNNING);
    expect(checkPromotionPlan(draft({ productLine: '  ', startDate: '2026-12-31', budget: 0, expectedUpliftPct: 0 })).productLine).toBeNull();
  });

  it('refuses an end before the start in zh and en', () => {
    const e = refusal({ startDate: '2026-06-10', endDate: '2026-06-09' });
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.messageZh).toContain('结束日期 2026-06-09 早于开始日期 2026-06-10');
    expect(e.messageEn).toContain('endDate 2026-06-09 is before startDate 2026-06-10');
  });

  it('refuses a negative budget, an uplift out of range and dates that do not exist, all at once', () => {
    const e = refusal({ budget: -1, expectedUpliftPct: 250, startDate: '2026-02-30' });
    expect(e.details.map((d) => d.field)).toEqual(['startDate', 'budget', 'expectedUpliftPct']);
    expect(refusal({ expectedUpliftPct: -5 }).messageEn).toContain('0–200');
    expect(refusal({ budget: 10.001 }).details[0].field).toBe('budget');
  });

  it('keeps a plan inside its target year and at most 366 days long', () => {
    expect(refusal({ startDate: '2025-12-20' }).messageZh).toContain('目标年度 2026');
    expect(refusal({ endDate: '2028-01-01' }).messageEn).toContain('at most 366 days');
    expect(checkPromotionPlan(draft({ startDate: '2026-12-20', endDate: '2027-01-05' })).endDate).toBe('2027-01-05');
  });

  it('refuses an empty or over-long name and a year out of range', () => {
    expect(refusal({ name: '   ' }).details[0].field).toBe('name');
    expect(refusal({ name: '促'.repeat(65) }).details[0].field).toBe('name');
    expect(refusal({ year: 1 }).details.map((d) => d.field)).toContain('year');
  });

  it('reads only real calendar dates', () => {
    expect(dayNumber('2026-01-01')).toBe(Date.UTC(2026, 0, 1) / 86_400_000);
    expect(dayNumber('2026-13-01')).toBeNull();
    expect(dayNumber('2026-1-1')).toBeNull();
    expect(dayNumber(42)).toBeNull();
  });

  it('moves a plan forward only: PLANNED → RUNNING → DONE, or to CANCELLED; an edit without a status keeps it', () => {
    const { PLANNED, RUNNING, DONE, CANCELLED } = PromotionPlanStatus;
    expect(nextPlanStatus(PLANNED, RUNNING)).toBe(RUNNING);
    expect(nextPlanStatus(RUNNING, null)).toBe(RUNNING);
    expect(nextPlanStatus(RUNNING, RUNNING)).toBe(RUNNING);
    expect(nextPlanStatus(RUNNING, CANCELLED)).toBe(CANCELLED);
    expect(nextPlanStatus(RUNNING, DONE)).toBe(DONE);
    const back = (() => { try { nextPlanStatus(RUNNING, PLANNED); } catch (e) { return e as DomainError; } return null; })();
    expect(back).toMatchObject({ code: 'PROMOTION_STATUS_TRANSITION' });
    expect(back!.messageZh).toContain('不能从“进行中”改为“计划中”');
    expect(back!.messageEn).toContain('cannot go from RUNNING to PLANNED');
  });

  it('keeps DONE and CANCELLED plans as they are, and a DONE plan is not deleted', () => {
    const { DONE, CANCELLED, RUNNING, PLANNED } = PromotionPlanStatus;
    expect(() => nextPlanStatus(DONE, null)).toThrow(expect.objectContaining({ code: 'PROMOTION_PLAN_CLOSED' }));
    expect(() => nextPlanStatus(CANCELLED, RUNNING)).toThrow(expect.objectContaining({ code: 'PROMOTION_PLAN_CLOSED' }));
    expect(() => assertPlanDeletable(DONE)).toThrow(expect.objectContaining({ code: 'PROMOTION_PLAN_CLOSED' }));
    for (const open of [PLANNED, RUNNING, CANCELLED]) expect(() => assertPlanDeletable(open)).not.toThrow();
  });
});
