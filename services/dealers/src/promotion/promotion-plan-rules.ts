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
  status: PromotionPlanStatus;
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
  const status = draft.status ?? PromotionPlanStatus.PLANNED;
  if (!Object.values(PromotionPlanStatus).includes(status)) details.push({ field: 'status', messageZh: '状态无效', messageEn: 'status is not valid' });
  if (details.length) throw DomainError.validation(details);
  return { year, name, startDate: draft.startDate, endDate: draft.endDate, budget, expectedUpliftPct: uplift, productLine, status };
}
