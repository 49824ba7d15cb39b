/** Target attainment from sell-through: actual ÷ target, per month and year to date (China time). */
import { Between, DataSource, In } from 'typeorm';
import { DealerTarget, DealerTargetSplit } from '../target';
import { SellThroughReceipt } from '../sell-through/sell-through-receipt.entity';

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
}

const rate = (actual: number, target: number) => (target > 0 ? Math.round((actual / target) * 1000) / 1000 : null);
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Attainment for several dealers in three queries. Month targets: the dealer's split, else annual ÷ 12. */
export async function attainmentOf(db: DataSource, dealerIds: readonly string[], year: number, now = Date.now()): Promise<AttainmentView[]> {
  if (!dealerIds.length) return [];
  const ids = [...dealerIds];
  const [targets, splits, receipts] = await Promise.all([
    db.getRepository(DealerTarget).findBy({ dealerId: In(ids), year }),
    db.getRepository(DealerTargetSplit).findBy({ dealerId: In(ids), year }),
    db.getRepository(SellThroughReceipt).find({
      select: { dealerId: true, quantity: true, unitPrice: true, recordedAt: true },
      where: { dealerId: In(ids), recordedAt: Between(new Date(Date.UTC(year, 0, 1) - CHINA_OFFSET_MS), new Date(Date.UTC(year + 1, 0, 1) - CHINA_OFFSET_MS - 1)) },
    }),
  ]);
  const local = new Date(now + CHINA_OFFSET_MS);
  const monthsSoFar = local.getUTCFullYear() > year ? 12 : local.getUTCFullYear() < year ? 0 : local.getUTCMonth() + 1;
  return ids.map((dealerId) => {
    const target = targets.find((t) => t.dealerId === dealerId) ?? null;
    const split = new Map(splits.filter((s) => s.dealerId === dealerId).map((s) => [s.period, s.amount]));
    const actual = new Array(12).fill(0);
    for (const r of receipts) if (r.dealerId === dealerId) actual[new Date(new Date(r.recordedAt).getTime() + CHINA_OFFSET_MS).getUTCMonth()] += r.quantity * r.unitPrice;
    const months = actual.map((a, i) => {
      const period = `M${String(i + 1).padStart(2, '0')}`;
      const monthTarget = split.get(period) ?? (target ? round2(target.annualAmount / 12) : 0);
      return { period, target: monthTarget, actual: round2(a), rate: rate(a, monthTarget) };
    });
    const ytd = round2(actual.slice(0, monthsSoFar).reduce((s, a) => s + a, 0));
    const ytdTarget = months.slice(0, monthsSoFar).reduce((s, m) => s + m.target, 0);
    return {
      dealerId, year, annualTarget: target?.annualAmount ?? null, yearToDateActual: ytd,
      yearRate: target ? rate(ytd, target.annualAmount) : null, yearToDateRate: rate(ytd, ytdTarget),
      currentMonth: monthsSoFar >= 1 && monthsSoFar <= 12 && local.getUTCFullYear() === year ? months[monthsSoFar - 1] : null,
      months,
    };
  });
}
