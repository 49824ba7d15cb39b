/** Target attainment from sell-through: actual ÷ target, per month and year to date (China time). */
import { Between, DataSource, In } from 'typeorm';
import { DealerTarget, DealerTargetLine, DealerTargetSplit } from '../target';
import { Sku } from '../catalogue/sku.entity';
import { SellThroughReceipt } from '../sell-through/sell-through-receipt.entity';
import { ProductLineAttainment, productLineAttainment } from './product-line-attainment';

export const CHINA_OFFSET_MS = 8 * 3_600_000;

export interface MonthAttainment { period: string; target: number; actual: number; rate: number | null }
export interface AttainmentView {
  dealerId: string;
  year: number;
  annualTarget: number | null;
  yearToDateActual: number;
  /** Actual ÷ annual target. */
  yearRate: number | null;
  /** Actual ÷ the months' targets so far. */
  yearToDateRate: number | null;
  currentMonth: MonthAttainment | null;
  months: MonthAttainment[];
  /** Per catalogue product line: HQ's part of the target (if any) against the sell-through of the line's SKUs. */
  productLines: ProductLineAttainment[];
}

const rate = (actual: number, target: number) => (target > 0 ? Math.round((actual / target) * 1000) / 1000 : null);
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Attainment for several dealers in five queries. Month targets: the dealer's split, else annual ÷ 12. */
export async function attainmentOf(db: DataSource, dealerIds: readonly string[], year: number, now = Date.now()): Promise<AttainmentView[]> {
  if (!dealerIds.length) return [];
  const ids = [...dealerIds];
  const [targets, splits, lineTargets, skus, receipts] = await Promise.all([
    db.getRepository(DealerTarget).findBy({ dealerId: In(ids), year }),
    db.getRepository(DealerTargetSplit).findBy({ dealerId: In(ids), year }),
    db.getRepository(DealerTargetLine).findBy({ dealerId: In(ids), year }),
    db.getRepository(Sku).find({ select: { code: true, productLine: true }, order: { code: 'ASC' } }),
    db.getRepository(SellThroughReceipt).find({
      select: { dealerId: true, skuCode: true, quantity: true, unitPrice: true, recordedAt: true },
      where: { dealerId: In(ids), recordedAt: Between(new Date(Date.UTC(year, 0, 1) - CHINA_OFFSET_MS), new Date(Date.UTC(year + 1, 0, 1) - CHINA_OFFSET_MS - 1)) },
    }),
  ]);
  const local = new Date(now + CHINA_OFFSET_MS);
  const monthsSoFar = local.getUTCFullYear() > year ? 12 : local.getUTCFullYear() < year ? 0 : local.getUTCMonth() + 1;
  const lineOfSku = new Map(skus.map((s) => [s.code, s.productLine]));
  const catalogueLines = [...new Set(skus.map((s) => s.productLine))];
  const monthOf = (at: Date) => new Date(new Date(at).getTime() + CHINA_OFFSET_MS).getUTCMonth();
  return ids.map((dealerId) => {
    const target = targets.find((t) => t.dealerId === dealerId) ?? null;
    const split = new Map(splits.filter((s) => s.dealerId === dealerId).map((s) => [s.period, s.amount]));
    const actual = new Array(12).fill(0);
    const own = receipts.filter((r) => r.dealerId === dealerId);
    for (const r of own) actual[monthOf(r.recordedAt)] += r.quantity * r.unitPrice;
    const months = actual.map((a, i) => {
      const period = `M${String(i + 1).padStart(2, '0')}`;
      const monthTarget = split.get(period) ?? (target ? round2(target.annualAmount / 12) : 0);
      return { period, target: monthTarget, actual: round2(a), rate: rate(a, monthTarget) };
    });
    const ytd = round2(actual.slice(0, monthsSoFar).reduce((s, a) => s + a, 0));
    const ytdTarget = months.slice(0, monthsSoFar).reduce((s, m) => s + m.target, 0);
    const currentMonth = monthsSoFar >= 1 && monthsSoFar <= 12 && local.getUTCFullYear() === year ? months[monthsSoFar - 1] : null;
    const productLines = productLineAttainment({
      catalogueLines, lineOfSku, annualTarget: target?.annualAmount ?? null, monthsSoFar,
      lineTargets: new Map(lineTargets.filter((l) => l.dealerId === dealerId).map((l) => [l.productLine, l.amount])),
      currentMonthIndex: currentMonth ? monthsSoFar - 1 : null, currentMonthTarget: currentMonth?.target ?? null,
      sales: own.map((r) => ({ skuCode: r.skuCode, quantity: r.quantity, unitPrice: r.unitPrice, monthIndex: monthOf(r.recordedAt) })),
    });
    return {
      dealerId, year, annualTarget: target?.annualAmount ?? null, yearToDateActual: ytd,
      yearRate: target ? rate(ytd, target.annualAmount) : null, yearToDateRate: rate(ytd, ytdTarget),
      currentMonth, months, productLines,
    };
  });
}
