import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CloudEvent, EventExamples, makeEvent, PointsChangedV1, SellThroughRecordedV1, Topics, validateEvent } from '@lianxiao/contracts';
import { EVENT_ENTITIES, InboxConsumer, InboxRecord, InProcessTransport, OutboxEvent, OutboxRelay, OutboxWriter, ReceivedMessage } from '@lianxiao/platform';
import { PointsAccount, PointsEntry, PointsService } from '../points';
import { ContractScore } from './contract-score.entity';
import { ensureEarnRules } from './earn-rules.seed';
import { PointsEarnRule } from './points-earn-rule.entity';
import { LedgerEffect, POINTS_LEDGER_CONSUMER, POINTS_LEDGER_TOPICS, pointsLedgerHandler } from './points-ledger.handler';

const waitFor = async (condition: () => boolean | Promise<boolean>, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

function sellThrough(dealerId: string, amount: number, currency = 'CNY'): CloudEvent<SellThroughRecordedV1> {
  const data: SellThroughRecordedV1 = {
    recordId: randomUUID(), dealerId, customerId: null, sku: 'LX-BOLT-M8', quantity: 40, amount, currency,
    soldOn: '2026-11-20', recordedAt: new Date().toISOString(),
  };
  return makeEvent({ type: Topics.sellThroughRecorded, source: '/lianxiao/dealers', subject: dealerId, data });
}

function contractSigned(): CloudEvent {
  const data = structuredClone(EventExamples[Topics.contractSigned]);
  data.contractId = randomUUID();
  return makeEvent({ type: Topics.contractSigned, source: '/lianxiao/orders', subject: data.contractId, data });
}

const delivery = (event: CloudEvent, offset: string): ReceivedMessage => ({
  topic: event.type, key: event.subject, value: JSON.stringify(event), headers: {}, partition: 0, offset,
});

describe('points ledger consumer (in-memory SQLite, in-process transport)', () => {
  let db: DataSource;
  let transport: InProcessTransport;
  let consumer: InboxConsumer;
  const effects: LedgerEffect[] = [];
  const dealerId = randomUUID();

  beforeEach(async () => {
    db = new DataSource({
      type: 'better-sqlite3', database: ':memory:', synchronize: true,
      entities: [PointsAccount, PointsEntry, ContractScore, PointsEarnRule, ...EVENT_ENTITIES],
    });
    await db.initialize();
    expect(await ensureEarnRules(db.manager)).toBe(4);
    expect(await ensureEarnRules(db.manager)).toBe(0);
    const points = new PointsService(db.getRepository(PointsAccount), db.getRepository(PointsEntry), db);
    transport = new InProcessTransport();
    effects.length = 0;
    consumer = new InboxConsumer(db, transport, {
      consumer: POINTS_LEDGER_CONSUMER,
      topics: POINTS_LEDGER_TOPICS,
      handler: pointsLedgerHandler(points, new OutboxWriter(), (effect) => effects.push(effect)),
      initialBackoffMs: 1,
    });
  });
  afterEach(async () => {
    await transport.close();
    await db.destroy();
  });

  const balance = async () => (await db.getRepository(PointsAccount).findOneBy({ dealerId }))?.balance ?? 0;

  it('credits a sell-through event once when it is delivered twice, and announces it once', async () => {
    const event = sellThrough(dealerId, 12_345.67);
    await consumer.receive(delivery(event, '1'));
    await consumer.receive(delivery(event, '2')); // forced redelivery, same event id

    expect(consumer.stats()).toMatchObject({ handled: 1, duplicates: 1, deadLettered: 0 });
    expect(await balance()).toBe(12);
    const entries = await db.getRepository(PointsEntry).findBy({ dealerId });
    expect(entries.map((e) => [e.delta, e.reason, e.sourceEventId])).toEqual([[12, 'SELL_THROUGH', event.id]]);
    expect(await db.getRepository(InboxRecord).countBy({ consumer: POINTS_LEDGER_CONSUMER })).toBe(1);

    const outbox = await db.getRepository(OutboxEvent).find();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ topic: Topics.pointsChanged, messageKey: dealerId, publishedAt: null });
    const announced = JSON.parse(outbox[0].payload) as CloudEvent<PointsChangedV1>;
    expect(validateEvent(announced)).toEqual([]);
    expect(announced.data).toMatchObject({ entryId: entries[0].id, dealerId, delta: 12, balance: 12, rule: 'SELL_THROUGH', sourceEventId: event.id });
  });

  it('credits once through the in-process transport even when the event is published twice', async () => {
    const seen: CloudEvent<PointsChangedV1>[] = [];
    await transport.subscribe('test.points-changed', [Topics.pointsChanged], async (m) => void seen.push(JSON.parse(m.value)));
    await consumer.start();
    const relay = new OutboxRelay(db, transport, { pollIntervalMs: 10 });
    relay.start();
    try {
      const first = sellThrough(dealerId, 2_000);
      const second = sellThrough(dealerId, 3_500);
      const message = (e: CloudEvent) => ({ topic: e.type, key: e.subject, value: JSON.stringify(e) });
      await transport.publish([message(first), message(first), message(second)]);
      await waitFor(() => consumer.stats().handled + consumer.stats().duplicates >= 3);
      await waitFor(() => seen.length >= 2);
      expect(consumer.stats()).toMatchObject({ handled: 2, duplicates: 1 });
      expect(await balance()).toBe(5);
      expect(seen.map((e) => [e.data.delta, e.data.balance])).toEqual([[2, 2], [3, 5]]);
      expect(await relay.backlog()).toBe(0);
    } finally {
      await relay.stop();
    }
  });

  it('scores a signed contract once per contract and credits no points for it', async () => {
    const event = contractSigned();
    await consumer.receive(delivery(event, '1'));
    await consumer.receive(delivery(event, '2'));
    // The same contract re-reported under a new event id is not scored twice either.
    await consumer.receive(delivery({ ...event, id: randomUUID() }, '3'));
    const scores = await db.getRepository(ContractScore).find();
    const data = event.data as { contractId: string; amount: number; grossMargin: number; signedBy: { id: string } };
    expect(scores).toHaveLength(1);
    expect(scores[0]).toMatchObject({ contractId: data.contractId, amount: data.amount, grossMargin: data.grossMargin, ownerId: data.signedBy.id, sourceEventId: event.id });
    expect(effects.map((e) => e.kind)).toEqual(['contract-scored', 'contract-already-scored']);
    expect(await db.getRepository(PointsEntry).count()).toBe(0);
    expect(await db.getRepository(OutboxEvent).count()).toBe(0);
  });

  it('earns nothing below 1,000 CNY or in another currency, but records the event as handled', async () => {
    await consumer.receive(delivery(sellThrough(dealerId, 999.99), '1'));
    await consumer.receive(delivery(sellThrough(dealerId, 50_000, 'USD'), '2'));
    expect(effects.map((e) => e.kind)).toEqual(['nothing-earned', 'nothing-earned']);
    expect(await db.getRepository(PointsEntry).count()).toBe(0);
    expect(await db.getRepository(InboxRecord).count()).toBe(2);
  });

  it('dead-letters a sell-through event when the rule table lost its rule, leaving no trace', async () => {
    await db.getRepository(PointsEarnRule).delete({ code: 'SELL_THROUGH' });
    const dlq: ReceivedMessage[] = [];
    await transport.subscribe('test.dlq', [`${Topics.sellThroughRecorded}.dlq`], async (m) => void dlq.push(m));
    await consumer.receive(delivery(sellThrough(dealerId, 5_000), '1'));
    await waitFor(() => dlq.length === 1);
    expect(dlq[0].headers?.['x-dlq-reason']).toMatch(/SELL_THROUGH is missing/);
    expect(await db.getRepository(InboxRecord).count()).toBe(0);
    expect(await balance()).toBe(0);
  });
});
