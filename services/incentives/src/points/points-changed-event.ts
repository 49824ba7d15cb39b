import type { EntityManager } from 'typeorm';
import { makeEvent, PointsChangedV1, Topics } from '@lianxiao/contracts';
import type { OutboxWriter } from '@lianxiao/platform';

/** Announces a ledger movement (redemption, HQ adjustment) in the transaction that made it. */
export async function announcePointsChange(
  outbox: OutboxWriter, tx: EntityManager, change: Omit<PointsChangedV1, 'occurredAt' | 'sourceEventId'>,
): Promise<void> {
  const data: PointsChangedV1 = { ...change, sourceEventId: null, occurredAt: new Date().toISOString() };
  await outbox.append(tx, makeEvent({ type: Topics.pointsChanged, source: '/lianxiao/incentives', subject: change.dealerId, data }));
}
