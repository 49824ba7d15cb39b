/** Pure checks of a promotion plan draft; every problem is reported at once (VALIDATION_FAILED, zh + en). */
import { DomainError, ErrorDetail } from '@lianxiao/platform';
import { PromotionPlanStatus } from './promotion-plan.entity';

export const MAX_UPLIFT_PCT = 200;
export const MAX_BUDGET = 1_000_000_000;
export const MAX_PLAN_DAYS = 366;

export interface PromotionPlanDraft {
  year: number;
  name: string;
  startDate: string;
  endDate: string;
  budget: number;
  expectedUpliftPct: number;
  productLine?: string | null;
  status?: PromotionPlanStatus | null;
}

export interface CheckedPlan {
  year: number;
  name: string;
  startDate: string;
  endDate: string;
  budget: number;
  expectedUpliftPct: number;
  productLine: string | null;
  /** As sent; null when the draft left it out (PLANNED for a new plan, unchanged for an edit). */
  status: PromotionPlanStatus | null;
}

/** Days since 1970-01-01 of a real calendar date 'YYYY-MM-DD', else null (2026-02-30 is not one). */
export function dayNumber(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / 86_400_000;
}

const decimals = (n: number, places: number) => Math.abs(n * 10 ** places - Math.round(n * 10 ** places)) < 1e-6;

/**
 * Shape and range of a plan: name 1–64 characters, real dates, end ≥ start, starting in the target
 * year and lasting at most 366 days, budget 0–10 亿 CNY (2 decimals), uplift 0–200 % (1 decimal).
 * Whether the product line is in the catalogue needs the database and is checked by the service.
 */
export function checkPromotionPlan(draft: PromotionPlanDraft): CheckedPlan {
  const details: ErrorDetail[] = [];
  const year = draft.year;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) details.push({ field: 'year', messageZh: '目标年度须在 2000–2100 之间', messageEn: 'year must be within 2000–2100' });
  const name = typeof draft.name === 'string' ? draft.name.trim() : '';
  if (!name || name.length > 64) details.push({ field: 'name', messageZh: '计划名称须为 1–64 个字', messageEn: 'name must be 1–64 characters' });
  const start = dayNumber(draft.startDate);
  const end = dayNumber(draft.endDate);
  if (start === null) details.push({ field: 'startDate', messageZh: '开始日期须为有效日期（YYYY-MM-DD）', messageEn: 'startDate must be a real date (YYYY-MM-DD)' });
  if (end === null) details.push({ field: 'endDate', messageZh: '结束日期须为有效日期（YYYY-MM-DD）', messageEn: 'endDate must be a real date (YYYY-MM-DD)' });
  if (start !== null && end !== null) {
    if (end < start) details.push({ field: 'endDate', messageZh: `结束日期 ${draft.endDate} 早于开始日期 ${draft.startDate}`, messageEn: `endDate ${draft.endDate} is before startDate ${draft.startDate}` });
    else if (end - start + 1 > MAX_PLAN_DAYS) details.push({ field: 'endDate', messageZh: `促销期最长 ${MAX_PLAN_DAYS} 天（现为 ${end - start + 1} 天）`, messageEn: `a promotion lasts at most ${MAX_PLAN_DAYS} days (got ${end - start + 1})` });
  }
  if (start !== null && Number.isInteger(year) && !draft.startDate.startsWith(`${year}-`)) {
    details.push({ field: 'startDate', messageZh: `开始日期须在目标年度 ${year} 年内`, messageEn: `startDate must fall in the target year ${year}` });
  }
  const budget = draft.budget;
  if (!Number.isFinite(budget) || budget < 0 || budget > MAX_BUDGET || !decimals(budget, 2)) {
    details.push({ field: 'budget', messageZh: '预算须为 0 至 10 亿元、最多两位小数的金额', messageEn: 'budget must be 0 to 1,000,000,000 CNY with at most 2 decimals' });
  }
  const uplift = draft.expectedUpliftPct;
  if (!Number.isFinite(uplift) || uplift < 0 || uplift > MAX_UPLIFT_PCT || !decimals(uplift, 1)) {
    details.push({ field: 'expectedUpliftPct', messageZh: `预期提升须在 0–${MAX_UPLIFT_PCT}% 之间，最多一位小数`, messageEn: `expectedUpliftPct must be within 0–${MAX_UPLIFT_PCT} % with at most 1 decimal` });
  }
  const productLine = typeof draft.productLine === 'string' && draft.productLine.trim() ? draft.productLine.trim() : null;
  if (productLine && productLine.length > 16) details.push({ field: 'productLine', messageZh: '产品线最多 16 个字', messageEn: 'productLine must be at most 16 characters' });
  const status = draft.status ?? null;
  if (status !== null && !Object.values(PromotionPlanStatus).includes(status)) details.push({ field: 'status', messageZh: '状态无效', messageEn: 'status is not valid' });
  if (details.length) throw DomainError.validation(details);
  return { year, name, startDate: draft.startDate, endDate: draft.endDate, budget, expectedUpliftPct: uplift, productLine, status };
}

/**
 * A plan's life: PLANNED → RUNNING → DONE, and PLANNED or RUNNING → CANCELLED. DONE and CANCELLED
 * are final: such a plan is history (what ran, or was dropped) and is no longer edited; a plan that
 * ran (DONE) is not deleted either.
 */
const NEXT_STATUSES: Record<PromotionPlanStatus, readonly PromotionPlanStatus[]> = {
  [PromotionPlanStatus.PLANNED]: [PromotionPlanStatus.RUNNING, PromotionPlanStatus.DONE, PromotionPlanStatus.CANCELLED],
  [PromotionPlanStatus.RUNNING]: [PromotionPlanStatus.DONE, PromotionPlanStatus.CANCELLED],
  [PromotionPlanStatus.DONE]: [],
  [PromotionPlanStatus.CANCELLED]: [],
};

const STATUS_ZH: Record<PromotionPlanStatus, string> = { PLANNED: '计划中', RUNNING: '进行中', DONE: '已结束', CANCELLED: '已取消' };

export const PromotionErrorCode = {
  PROMOTION_STATUS_TRANSITION: 'PROMOTION_STATUS_TRANSITION',
  PROMOTION_PLAN_CLOSED: 'PROMOTION_PLAN_CLOSED',
} as const;

/** The status an edit leaves the plan in; refuses an edit of a closed plan and a step back. */
export function nextPlanStatus(current: PromotionPlanStatus, requested: PromotionPlanStatus | null): PromotionPlanStatus {
  if (NEXT_STATUSES[current].length === 0) {
    throw new DomainError(
      PromotionErrorCode.PROMOTION_PLAN_CLOSED,
      `促销计划已${STATUS_ZH[current]}，不能再修改`,
      `The promotion plan is ${current} and can no longer be edited`,
      [{ field: 'status', messageZh: `当前状态：${STATUS_ZH[current]}`, messageEn: `status is ${current}` }],
      409,
    );
  }
  if (requested === null || requested === current || NEXT_STATUSES[current].includes(requested)) return requested ?? current;
  const allowed = NEXT_STATUSES[current];
  throw new DomainError(
    PromotionErrorCode.PROMOTION_STATUS_TRANSITION,
    `促销计划不能从“${STATUS_ZH[current]}”改为“${STATUS_ZH[requested]}”，只能改为：${allowed.map((s) => STATUS_ZH[s]).join('、')}`,
    `A promotion plan cannot go from ${current} to ${requested}; it can go to ${allowed.join(', ')}`,
    [{ field: 'status', messageZh: `不允许的状态变更 ${current} → ${requested}`, messageEn: `${current} → ${requested} is not allowed` }],
    409,
  );
}

/** A plan that ran (DONE) stays as history; any other may be deleted by its dealer. */
export function assertPlanDeletable(current: PromotionPlanStatus): void {
  if (current !== PromotionPlanStatus.DONE) return;
  throw new DomainError(
    PromotionErrorCode.PROMOTION_PLAN_CLOSED,
    '已结束的促销计划是历史记录，不能删除',
    'A promotion plan that is DONE is history and cannot be deleted',
    [],
    409,
  );
}
