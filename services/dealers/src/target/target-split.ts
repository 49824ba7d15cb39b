/**
 * Pure arithmetic of a dealer's target split (目标分解): quarters must add up to the annual
 * figure and the three months of each quarter to that quarter. All sums are done in integer
 * cents (分) so 0.1 + 0.2 never fails a check.
 */
import { DomainError, ErrorDetail } from '@lianxiao/platform';

export const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
export const MONTHS = ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12'] as const;
export const TARGET_SPLIT_MISMATCH = 'TARGET_SPLIT_MISMATCH';

export const toCents = (yuan: number): number => Math.round(yuan * 100);
export const fromCents = (cents: number): number => cents / 100;

/** 1000000 → "1000000", 1000.5 → "1000.50". */
export function formatYuan(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/** Shape checks: 4 quarters, 12 months, amounts ≥ 0 with at most 2 decimals. Throws VALIDATION_FAILED. */
export function assertSplitShape(quarters: readonly number[], months: readonly number[]): void {
  const details: ErrorDetail[] = [];
  if (quarters.length !== 4) details.push({ field: 'quarters', messageZh: `季度须为 4 个金额（收到 ${quarters.length} 个）`, messageEn: `quarters must hold 4 amounts (got ${quarters.length})` });
  if (months.length !== 12) details.push({ field: 'months', messageZh: `月度须为 12 个金额（收到 ${months.length} 个）`, messageEn: `months must hold 12 amounts (got ${months.length})` });
  [...quarters, ...months].forEach((v, i) => {
    const field = i < quarters.length ? `quarters[${i}]` : `months[${i - quarters.length}]`;
    if (!Number.isFinite(v) || v < 0) details.push({ field, messageZh: `${field} 须为不小于 0 的金额`, messageEn: `${field} must be an amount ≥ 0` });
    else if (Math.abs(v * 100 - Math.round(v * 100)) > 1e-6) details.push({ field, messageZh: `${field} 最多两位小数`, messageEn: `${field} may have at most 2 decimals` });
  });
  if (details.length) throw DomainError.validation(details);
}

export interface SplitMismatch {
  /** 'year' for quarters vs annual, or 'Q1'..'Q4' for that quarter's months. */
  scope: 'year' | (typeof QUARTERS)[number];
  expected: number;
  actual: number;
  /** expected − actual, in yuan (positive: the parts fall short). */
  difference: number;
  messageZh: string;
  messageEn: string;
}

/** Every place the split does not add up; empty when it does. Amounts in yuan. */
export function findSplitMismatches(annual: number, quarters: readonly number[], months: readonly number[]): SplitMismatch[] {
  const mismatches: SplitMismatch[] = [];
  const annualC = toCents(annual);
  const quartersC = quarters.map(toCents);
  const monthsC = months.map(toCents);
  const quarterSum = quartersC.reduce((a, b) => a + b, 0);
  if (quarterSum !== annualC) {
    const diff = Math.abs(annualC - quarterSum);
    mismatches.push({
      scope: 'year', expected: fromCents(annualC), actual: fromCents(quarterSum), difference: fromCents(annualC - quarterSum),
      messageZh: `季度合计 ${formatYuan(quarterSum)} 与年度目标 ${formatYuan(annualC)} 相差 ${formatYuan(diff)}`,
      messageEn: `Quarters add up to ${formatYuan(quarterSum)}, the annual target is ${formatYuan(annualC)}: a difference of ${formatYuan(diff)}`,
    });
  }
  QUARTERS.forEach((q, qi) => {
    const expected = quartersC[qi] ?? 0;
    const sum = monthsC.slice(qi * 3, qi * 3 + 3).reduce((a, b) => a + b, 0);
    if (sum !== expected) {
      const diff = Math.abs(expected - sum);
      const first = qi * 3 + 1;
      mismatches.push({
        scope: q, expected: fromCents(expected), actual: fromCents(sum), difference: fromCents(expected - sum),
        messageZh: `${q}（${first}–${first + 2} 月）月度合计 ${formatYuan(sum)} 与季度目标 ${formatYuan(expected)} 相差 ${formatYuan(diff)}`,
        messageEn: `${q} months ${first}–${first + 2} add up to ${formatYuan(sum)}, the quarter is ${formatYuan(expected)}: a difference of ${formatYuan(diff)}`,
      });
    }
  });
  return mismatches;
}

/** Throws TARGET_SPLIT_MISMATCH naming every difference (zh + en) unless the split adds up. */
export function assertSplitAddsUp(annual: number, quarters: readonly number[], months: readonly number[]): void {
  assertSplitShape(quarters, months);
  const mismatches = findSplitMismatches(annual, quarters, months);
  if (!mismatches.length) return;
  throw new DomainError(
    TARGET_SPLIT_MISMATCH,
    `目标分解不平：${mismatches.map((m) => m.messageZh).join('；')}`,
    `The target split does not add up: ${mismatches.map((m) => m.messageEn).join('; ')}`,
    mismatches.map((m) => ({ field: m.scope === 'year' ? 'quarters' : `months.${m.scope}`, ...m })),
    400,
  );
}

/**
 * Splits `totalCents` over `weights` by largest remainder so the parts add up exactly.
 * Parts are whole yuan when the total is whole yuan, else whole cents.
 */
export function allocate(totalCents: number, weights: readonly number[]): number[] {
  const unit = totalCents % 100 === 0 ? 100 : 1;
  const units = totalCents / unit;
  const weightSum = weights.reduce((a, b) => a + Math.max(0, b), 0);
  const w = weightSum > 0 ? weights.map((x) => Math.max(0, x)) : weights.map(() => 1);
  const wSum = weightSum > 0 ? weightSum : w.length;
  const exact = w.map((x) => (units * x) / wSum);
  const parts = exact.map(Math.floor);
  let left = units - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k].i]++;
  return parts.map((p) => p * unit);
}

export interface SplitSuggestion {
  basis: 'LAST_YEAR_SELL_THROUGH' | 'EVEN';
  quarters: number[];
  months: number[];
}

/** Seasonal suggestion: months weighted by last year's monthly sell-through when there is any, else even. */
export function suggestSplit(annual: number, lastYearByMonth: readonly number[]): SplitSuggestion {
  const hasHistory = lastYearByMonth.length === 12 && lastYearByMonth.some((v) => v > 0);
  const monthsC = allocate(toCents(annual), hasHistory ? lastYearByMonth : new Array(12).fill(1));
  const quartersC = QUARTERS.map((_, qi) => monthsC.slice(qi * 3, qi * 3 + 3).reduce((a, b) => a + b, 0));
  return { basis: hasHistory ? 'LAST_YEAR_SELL_THROUGH' : 'EVEN', quarters: quartersC.map(fromCents), months: monthsC.map(fromCents) };
}
