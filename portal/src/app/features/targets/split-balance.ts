/**
 * The running difference of a target split while the user types, in integer cents like the
 * server's check: quarters against the annual figure, each quarter's three months against it.
 * Differences are expected − entered (positive: still short).
 */
export interface SplitBalance {
  quarterSum: number;
  yearDifference: number;
  quarterDifferences: number[];
  balanced: boolean;
}

const cents = (yuan: number | null | undefined) => Math.round((Number.isFinite(yuan) ? (yuan as number) : 0) * 100);

export function splitBalance(annual: number, quarters: readonly (number | null)[], months: readonly (number | null)[]): SplitBalance {
  const quarterCents = [0, 1, 2, 3].map((q) => cents(quarters[q]));
  const quarterSumC = quarterCents.reduce((a, b) => a + b, 0);
  const quarterDifferences = quarterCents.map((qc, q) => (qc - [0, 1, 2].reduce((s, m) => s + cents(months[q * 3 + m]), 0)) / 100);
  const yearDifference = (cents(annual) - quarterSumC) / 100;
  return { quarterSum: quarterSumC / 100, yearDifference, quarterDifferences, balanced: yearDifference === 0 && quarterDifferences.every((d) => d === 0) };
}

/** Sum of amounts in cents, back in yuan (product-line parts). */
export function sumYuan(amounts: readonly (number | null)[]): number {
  return amounts.reduce<number>((s, a) => s + cents(a), 0) / 100;
}
