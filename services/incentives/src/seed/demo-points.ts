import { DEMO_NOW, DemoDealer } from '@lianxiao/demo-data';
import { stableId } from '@lianxiao/platform';
import { applyPointsDelta, PointsAccount, PointsEntry, PointsReason } from '../points';

const DAY = 86_400_000;

/** A few ledger lines per dealer; the account balance is their running sum, never negative. */
export function demoPoints(dealers: readonly DemoDealer[]): { accounts: Partial<PointsAccount>[]; entries: Partial<PointsEntry>[] } {
  const accounts: Partial<PointsAccount>[] = [];
  const entries: Partial<PointsEntry>[] = [];
  dealers.forEach((dealer, index) => {
    const n = index + 1;
    const lines: { delta: number; reason: PointsReason; note: string; daysAgo: number }[] = [
      { delta: 100 + (n % 4) * 50, reason: PointsReason.TRAINING, note: '完成 2026 Q3 产品培训', daysAgo: 120 },
      { delta: 200 * (1 + (n % 3)), reason: PointsReason.ON_TIME_PAYMENT, note: '2026 Q3 货款按时到账', daysAgo: 60 },
    ];
    if (n % 3 === 0) lines.push({ delta: 500, reason: PointsReason.TARGET_REACHED, note: '2026 Q3 季度目标达成', daysAgo: 45 });
    if (n % 4 === 0) lines.push({ delta: -(100 + (n % 5) * 20), reason: PointsReason.REDEMPTION, note: '兑换宣传物料：门店海报', daysAgo: 20 });
    let balance = 0;
    lines.forEach((line, k) => {
      balance = applyPointsDelta(balance, line.delta);
      const at = new Date(DEMO_NOW - line.daysAgo * DAY);
      entries.push({
        id: stableId('points-entry', `${dealer.code}-${k}`),
        dealerId: dealer.id,
        delta: line.delta,
        reason: line.reason,
        note: line.note,
        sourceEventId: `demo:${dealer.code}:${k}`,
        createdAt: at,
      });
    });
    accounts.push({ id: stableId('points-account', dealer.code), dealerId: dealer.id, balance, updatedAt: new Date(DEMO_NOW - 20 * DAY) });
  });
  return { accounts, entries };
}
