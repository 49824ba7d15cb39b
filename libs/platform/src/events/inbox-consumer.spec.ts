import { DEAD_LETTER_REASON_HEADER } from '@lianxiao/contracts';
import { DataSource } from 'typeorm';
import { contractSignedEvent, sqliteMemoryDataSource, TallyEntity, waitFor } from '../../test/events-fixtures';
import type { EventTransport, MessageHandler, ReceivedMessage, TransportMessage } from './event-transport';
import { InboxConsumer, InboxHandler } from './inbox-consumer';
import { InboxRecord } from './inbox-record.entity';
import { InProcessTransport } from './in-process-transport';

/** Records what the consumer publishes (dead letters) and lets the test deliver by hand. */
class RecordingTransport implements EventTransport {
  published: TransportMessage[] = [];
  async publish(messages: readonly TransportMessage[]): Promise<void> {
    this.published.push(...messages);
  }
  async subscribe(_groupId: string, _topics: readonly string[], _handler: MessageHandler): Promise<void> {
    // Deliveries are made by hand in these tests.
  }
  async close(): Promise<void> {
    // Nothing to release.
  }
}

const delivery = (value: unknown, offset = '0'): ReceivedMessage => ({
  topic: 'orders.contract-signed.v1',
  key: 'k',
  value: typeof value === 'string' ? value : JSON.stringify(value),
  headers: {},
  partition: 0,
  offset,
});

const creditPoints: InboxHandler = async (event, { manager }) => {
  const amount = (event.data as { amount: number }).amount;
  await manager.increment(TallyEntity, { name: 'points' }, 'total', amount);
};

describe('InboxConsumer', () => {
  let dataSource: DataSource;
  let transport: RecordingTransport;
  const points = async () => (await dataSource.getRepository(TallyEntity).findOneByOrFail({ name: 'points' })).total;

  beforeEach(async () => {
    dataSource = await sqliteMemoryDataSource();
    transport = new RecordingTransport();
  });
  afterEach(() => dataSource.destroy());

  it('applies a redelivered event once: the inbox insert fails on the duplicate id', async () => {
    const consumer = new InboxConsumer(dataSource, transport, { consumer: 'points-ledger', topics: ['orders.contract-signed.v1'], handler: creditPoints });
    const event = contractSignedEvent(500);
    await consumer.receive(delivery(event, '1'));
    await consumer.receive(delivery(event, '2'));
    await consumer.receive(delivery(contractSignedEvent(20), '3'));
    expect(await points()).toBe(520);
    expect(await dataSource.getRepository(InboxRecord).count()).toBe(2);
    expect(consumer.stats()).toMatchObject({ handled: 2, duplicates: 1, deadLettered: 0 });
  });

  it('keeps another consumer of the same event independent', async () => {
    const ledger = new InboxConsumer(dataSource, transport, { consumer: 'points-ledger', topics: [], handler: creditPoints });
    const audit = new InboxConsumer(dataSource, transport, { consumer: 'audit', topics: [], handler: creditPoints });
    const event = contractSignedEvent(7);
    await ledger.receive(delivery(event));
    await audit.receive(delivery(event));
    expect(await points()).toBe(14);
  });

  it('dead-letters an event that breaks its schema, with the reason, and goes on', async () => {
    const consumer = new InboxConsumer(dataSource, transport, { consumer: 'points-ledger', topics: [], handler: creditPoints });
    const bad = contractSignedEvent(9);
    delete (bad.data as { specification: Record<string, unknown> }).specification.craftNotes;
    await consumer.receive(delivery(bad));
    await consumer.receive(delivery('{not json'));
    await consumer.receive(delivery(contractSignedEvent(1)));
    expect(transport.published.map((m) => m.topic)).toEqual(['orders.contract-signed.v1.dlq', 'orders.contract-signed.v1.dlq']);
    expect(transport.published[0].headers?.[DEAD_LETTER_REASON_HEADER]).toBe(
      "contract violation: /data/specification must have required property 'craftNotes'",
    );
    expect(transport.published[1].headers?.[DEAD_LETTER_REASON_HEADER]).toMatch(/^not a JSON CloudEvent/);
    expect(await points()).toBe(1);
    expect(await dataSource.getRepository(InboxRecord).count()).toBe(1);
  });

  it('retries a failing handler with back-off, rolling back each try, then dead-letters it', async () => {
    let calls = 0;
    const consumer = new InboxConsumer(dataSource, transport, {
      consumer: 'points-ledger',
      topics: [],
      maxAttempts: 3,
      initialBackoffMs: 5,
      handler: async (event, context) => {
        calls += 1;
        await creditPoints(event, context);
        throw new Error('ledger locked');
      },
    });
    await consumer.receive(delivery(contractSignedEvent(100)));
    expect(calls).toBe(3);
    expect(await points()).toBe(0);
    expect(await dataSource.getRepository(InboxRecord).count()).toBe(0);
    expect(transport.published[0].headers?.[DEAD_LETTER_REASON_HEADER]).toBe('handler failed 3 times: Error: ledger locked');
    expect(consumer.stats()).toMatchObject({ retries: 2, deadLettered: 1, handled: 0 });
  });

  it('consumes through the in-process transport end to end', async () => {
    const inProcess = new InProcessTransport();
    try {
      const consumer = new InboxConsumer(dataSource, inProcess, { consumer: 'points-ledger', topics: ['orders.contract-signed.v1'], handler: creditPoints });
      await consumer.start();
      const event = contractSignedEvent(40);
      const message = { topic: 'orders.contract-signed.v1', key: event.subject, value: JSON.stringify(event) };
      await inProcess.publish([message, message]);
      await waitFor(() => consumer.stats().handled + consumer.stats().duplicates === 2);
      expect(await points()).toBe(40);
    } finally {
      await inProcess.close();
    }
  });
});
