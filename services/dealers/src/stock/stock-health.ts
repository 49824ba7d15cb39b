/**
 * Weeks of cover, slow movers and transfer suggestions — pure, so the rules are unit-tested
 * without a database. Cover = stock on hand ÷ average weekly sell-through over the last
 * SALES_WINDOW_WEEKS weeks (a rolling 56 days ending now).
 */
import { Nearness, nearness, PlacedDealer } from './province-adjacency';

export const SALES_WINDOW_WEEKS = 8;

export interface StockThresholdValues {
  /** Slow mover when cover is above this many weeks. */
  coverWeeksAbove: number;
  /** Slow mover when stock is held and nothing sold for this many weeks. */
  noSalesWeeks: number;
  /** Short when cover is below this many weeks (and the SKU sells). */
  shortCoverWeeks: number;
  /** Transfers aim to leave both dealers with this many weeks of cover. */
  targetCoverWeeks: number;
}

export const DEFAULT_STOCK_THRESHOLDS: StockThresholdValues = { coverWeeksAbove: 12, noSalesWeeks: 4, shortCoverWeeks: 2, targetCoverWeeks: 6 };

export interface SkuPosition {
  skuCode: string;
  onHand: number;
  /** Units sold in the sales window. */
  soldInWindow: number;
  /** Whole weeks since the last sale; null when never sold (in the history kept). */
  weeksSinceLastSale: number | null;
}

export interface SkuHealth extends SkuPosition {
  avgWeeklySales: number;
  /** null = stock but no sales: cover is unbounded. */
  weeksOfCover: number | null;
  slow: boolean;
  short: boolean;
  reasons: ('COVER_ABOVE_THRESHOLD' | 'NO_SALES')[];
}

export function skuHealth(p: SkuPosition, t: StockThresholdValues): SkuHealth {
  const avgWeeklySales = p.soldInWindow / SALES_WINDOW_WEEKS;
  const weeksOfCover = avgWeeklySales > 0 ? Math.round((p.onHand / avgWeeklySales) * 10) / 10 : p.onHand > 0 ? null : 0;
  const reasons: SkuHealth['reasons'] = [];
  if (p.onHand > 0 && (weeksOfCover === null || weeksOfCover > t.coverWeeksAbove)) reasons.push('COVER_ABOVE_THRESHOLD');
  if (p.onHand > 0 && (p.weeksSinceLastSale === null || p.weeksSinceLastSale >= t.noSalesWeeks)) reasons.push('NO_SALES');
  const short = avgWeeklySales > 0 && (weeksOfCover ?? Infinity) < t.shortCoverWeeks;
  return { ...p, avgWeeklySales: Math.round(avgWeeklySales * 100) / 100, weeksOfCover, slow: reasons.length > 0, short, reasons };
}

/** Units a slow dealer can give away and still keep `targetCoverWeeks` of its own demand. */
export function excessOf(h: SkuHealth, t: StockThresholdValues): number {
  return Math.max(0, h.onHand - Math.ceil(t.targetCoverWeeks * h.avgWeeklySales));
}

/** Units a short dealer needs to reach `targetCoverWeeks`. */
export function needOf(h: SkuHealth, t: StockThresholdValues): number {
  return Math.max(0, Math.ceil(t.targetCoverWeeks * h.avgWeeklySales) - h.onHand);
}

export interface CandidateDealer extends PlacedDealer { dealerId: string; code: string; name: string; health: SkuHealth }

export interface TransferSuggestion {
  dealerId: string;
  code: string;
  name: string;
  nearness: Nearness;
  quantity: number;
  /** The receiver's cover before / after the suggested transfer. */
  theirCoverBefore: number;
  theirCoverAfter: number;
}

/**
 * The nearest dealer short of the SKU (same province, then neighbouring, then same region, then
 * anywhere; ties: the bigger need, then code) and how many to send: min(our excess, their need).
 */
export function suggestTransfer(
  from: PlacedDealer & { dealerId: string }, ours: SkuHealth, candidates: readonly CandidateDealer[], t: StockThresholdValues,
): TransferSuggestion | null {
  const excess = excessOf(ours, t);
  if (excess <= 0) return null;
  const ranked = candidates
    .filter((c) => c.dealerId !== from.dealerId && c.health.short && needOf(c.health, t) > 0)
    .map((c) => ({ c, near: nearness(from, c), need: needOf(c.health, t) }))
    .sort((a, b) => a.near - b.near || b.need - a.need || a.c.code.localeCompare(b.c.code));
  const best = ranked[0];
  if (!best) return null;
  const quantity = Math.min(excess, best.need);
  const cover = (onHand: number) => Math.round((onHand / best.c.health.avgWeeklySales) * 10) / 10;
  return {
    dealerId: best.c.dealerId, code: best.c.code, name: best.c.name, nearness: best.near, quantity,
    theirCoverBefore: cover(best.c.health.onHand), theirCoverAfter: cover(best.c.health.onHand + quantity),
  };
}

/** Stock turnover, annualised: sell-through value ÷ average stock value × 52 ÷ weeks. */
export function annualisedTurnover(soldValue: number, averageStockValue: number, weeks: number): number | null {
  if (averageStockValue <= 0 || weeks <= 0) return null;
  return Math.round(((soldValue / averageStockValue) * 52 / weeks) * 100) / 100;
}
