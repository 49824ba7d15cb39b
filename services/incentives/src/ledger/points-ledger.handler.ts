import type { EntityManager } from 'typeorm';
import { CloudEvent, ContractSignedV1, makeEvent, PointsChangedV1, SellThroughRecordedV1, Topics } from '@lianxiao/contracts';
import { InboxHandler, newId, OutboxWriter } from '@lianxiao/platform';
import type { PointsService } from '../points/points.service';
import { ContractScore } from './contract-score.entity';
import { EARN_CURRENCY, EarnRuleCode, pointsEarned } from './earn-rules';
import { PointsEarnRule } from './points-earn-rule.entity';

export const POINTS_LEDGER_CONSUMER = 'incentives.points-ledger';
export const POINTS_LEDGER_TOPICS = [Topics.contractSigned, Topics.sellThroughRecorded] as const;
export const INCENTIVES_EVENT_SOURCE = '/lianxiao/incentives';

/** What the handler did with one event (for tests and logs). */
export type LedgerEffect =
  | { kind: 'contract-scored'; contractId: string }
  | { kind: 'contract-already-scored'; contractId: string }
  | { kind: 'points-credited'; dealerId: string; delta: number; balance: number; entryId: string }
  | { kind: 'nothing-earned'; reason: string };

async function ruleOf(manager: EntityManager, code: string): Promise<PointsEarnRule> {
  const rule = await manager.getRepository(PointsEarnRule).findOneBy({ code });
  // Thrown: the inbox retries and finally dead-letters the event with this reason.
  if (!rule) throw new Error(`points earn rule ${code} is missing from points_earn_rule`);
  return rule;
}

/** `orders.contract-signed.v1` → one ContractScore row (the contract's signer is scored). */
export async function scoreContract(manager: EntityManager, event: CloudEvent<ContractSignedV1>): Promise<LedgerEffect> {
  const d = event.data;
  const repo = manager.getRepository(ContractScore);
  // A second event about the same contract (a re-emission with a new id) is not scored again.
  if (await repo.existsBy({ contractId: d.contractId })) return { kind: 'contract-already-scored', contractId: d.contractId };
  await repo.insert({
    id: newId(),
    contractId: d.contractId,
    contractNumber: d.contractNumber,
    ownerId: d.signedBy.id,
    ownerName: d.signedBy.name,
    customerId: d.customer.id,
    amount: d.amount,
    currency: d.currency,
    grossMargin: d.grossMargin,
    signedAt: new Date(d.signedAt),
    sourceEventId: event.id,
  });
  return { kind: 'contract-scored', contractId: d.contractId };
}

/**
 * `dealers.sell-through-recorded.v1` → points for the dealer by the SELL_THROUGH rule, and
 * `incentives.points-changed.v1` into the outbox, all in the inbox transaction.
 */
export async function creditSellThrough(
  manager: EntityManager,
  event: CloudEvent<SellThroughRecordedV1>,
  points: Pick<PointsService, 'recordIn'>,
  outbox: OutboxWriter,
): Promise<LedgerEffect> {
  const d = event.data;
  if (d.currency !== EARN_CURRENCY) return { kind: 'nothing-earned', reason: `currency ${d.currency} earns no points` };
  const rule = await ruleOf(manager, EarnRuleCode.SELL_THROUGH);
  const delta = pointsEarned(rule, d.amount);
  if (delta <= 0) return { kind: 'nothing-earned', reason: `amount ${d.amount} is below one unit of the rule` };
  const entryId = newId();
  const outcome = await points.recordIn(
    manager,
    { dealerId: d.dealerId, delta, reason: rule.code, note: `动销 ${d.sku} × ${d.quantity}（${d.soldOn}）`.slice(0, 128), sourceEventId: event.id },
    entryId,
  );
  if (!outcome.recorded) return { kind: 'nothing-earned', reason: 'event already credited' };
  const data: PointsChangedV1 = {
    entryId,
    dealerId: d.dealerId,
    delta,
    balance: outcome.balance,
    rule: rule.code,
    sourceEventId: event.id,
    occurredAt: new Date().toISOString(),
  };
  await outbox.append(manager, makeEvent({ type: Topics.pointsChanged, source: INCENTIVES_EVENT_SOURCE, subject: d.dealerId, data }));
  return { kind: 'points-credited', dealerId: d.dealerId, delta, balance: outcome.balance, entryId };
}

/** The InboxConsumer handler of `incentives.points-ledger`. */
export function pointsLedgerHandler(
  points: Pick<PointsService, 'recordIn'>,
  outbox: OutboxWriter,
  onEffect: (effect: LedgerEffect, event: CloudEvent) => void = () => undefined,
): InboxHandler {
  return async (event, { manager }) => {
    let effect: LedgerEffect;
    if (event.type === Topics.contractSigned) effect = await scoreContract(manager, event as CloudEvent<ContractSignedV1>);
    else if (event.type === Topics.sellThroughRecorded) effect = await creditSellThrough(manager, event as CloudEvent<SellThroughRecordedV1>, points, outbox);
    else effect = { kind: 'nothing-earned', reason: `not a ledger topic: ${event.type}` };
    onEffect(effect, event);
  };
}
