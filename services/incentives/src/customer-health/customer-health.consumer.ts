import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CloudEvent, ContractSignedV1, StageChangedV1, Topics } from '@lianxiao/contracts';
import { createLogger, EVENT_TRANSPORT, EventTransport, InboxConsumer, InboxHandler } from '@lianxiao/platform';
import { SalesRep, ScorecardClosure, ScorecardRecord } from '../scorecard/scorecard.entities';
import { quarterOf } from '../scorecard/scorecard-rules';
import { newId } from '@lianxiao/platform';
import { CustomerHealth } from './customer-health.entity';
import { healthScore } from './health-score';

export const CUSTOMER_HEALTH_CONSUMER = 'incentives.customer-health';
export const CUSTOMER_HEALTH_TOPICS = [Topics.stageChanged, Topics.contractSigned] as const;
const DAY = 86_400_000;
const ON_TIME_DAYS = 7;

/** Share of a customer's first payments (scorecard records) that arrived within 7 days of the agreed date. */
async function paymentRateOf(manager: EntityManager, customerId: string): Promise<number | null> {
  const rows = await manager.getRepository(ScorecardRecord).findBy({ customerId, kind: 'FIRST_PAYMENT' });
  return rows.length ? Math.round((rows.filter((r) => r.value <= ON_TIME_DAYS).length / rows.length) * 10_000) / 10_000 : null;
}

/** Recomputes one customer's health from an interaction the event reports; runs inside the inbox transaction. */
export async function recomputeHealth(manager: EntityManager, customerId: string, at: Date, stage: string | null, now = Date.now()): Promise<CustomerHealth> {
  const repo = manager.getRepository(CustomerHealth);
  const row = (await repo.findOneBy({ customerId })) ?? repo.create({ customerId, score: 0, stage: null, lastInteractionAt: null, interactions90d: 0, paymentRate: null });
  const recentEnough = row.lastInteractionAt && at.getTime() - new Date(row.lastInteractionAt).getTime() <= 90 * DAY;
  row.interactions90d = (recentEnough ? row.interactions90d : 0) + 1;
  if (!row.lastInteractionAt || at > new Date(row.lastInteractionAt)) row.lastInteractionAt = at;
  if (stage) row.stage = stage;
  row.paymentRate = await paymentRateOf(manager, customerId);
  row.score = healthScore({ paymentRate: row.paymentRate, lastInteractionAt: row.lastInteractionAt, interactions90d: row.interactions90d, stage: row.stage }, now);
  await repo.save(row);
  return row;
}

/**
 * A stage move is an interaction of the rep who owns the customer: it counts towards that rep's
 * "interaction frequency" indicator (open quarters only; the inbox makes it count once).
 */
async function countInteraction(manager: EntityManager, ownerId: string, customerId: string, at: Date, eventId: string): Promise<void> {
  const quarter = quarterOf(at);
  if (!(await manager.getRepository(SalesRep).existsBy({ id: ownerId }))) return;
  if (await manager.getRepository(ScorecardClosure).existsBy({ quarter })) return;
  await manager.getRepository(ScorecardRecord).insert({
    id: newId(), repId: ownerId, quarter, kind: 'INTERACTION', customerId, reference: `EVT-${eventId.slice(0, 24)}`, value: 1, value2: null,
    occurredAt: at, enteredBy: CUSTOMER_HEALTH_CONSUMER.slice(0, 36), enteredAt: new Date(),
  });
}

export const customerHealthHandler: InboxHandler = async (event, { manager }) => {
  if (event.type === Topics.stageChanged) {
    const d = (event as CloudEvent<StageChangedV1>).data;
    await recomputeHealth(manager, d.customerId, new Date(d.changedAt), d.toStage);
    await countInteraction(manager, d.ownerId, d.customerId, new Date(d.changedAt), event.id);
  } else if (event.type === Topics.contractSigned) {
    const d = (event as CloudEvent<ContractSignedV1>).data;
    await recomputeHealth(manager, d.customer.id, new Date(d.signedAt), 'CONTRACT');
  }
};

/** Keeps `Customer.health` current: every stage move or signed contract recomputes the customer's index. */
@Injectable()
export class CustomerHealthConsumer implements OnApplicationBootstrap {
  private readonly log = createLogger('incentives.customer-health');
  private consumer: InboxConsumer | undefined;
  constructor(private readonly db: DataSource, @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new InboxConsumer(this.db, this.transport, { consumer: CUSTOMER_HEALTH_CONSUMER, topics: CUSTOMER_HEALTH_TOPICS, handler: customerHealthHandler });
    await this.consumer.start();
    this.log.info({ topics: CUSTOMER_HEALTH_TOPICS }, 'customer health consumer started');
  }
}
