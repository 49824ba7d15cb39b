import { DataSource, IsNull } from 'typeorm';
import { contractSignedEvent, sqliteMemoryDataSource, waitFor } from '../../test/events-fixtures';
import type { EventTransport, MessageHandler, TransportMessage } from './event-transport';
import { OutboxEvent } from './outbox-event.entity';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';

/** A broker that can be down, and that checks rows are unmarked while it has not acked. */
class FlakyBroker implements EventTransport {
  down = false;
  received: TransportMessage[] = [];
  onPublish: () => Promise<void> = async () => undefined;
  async publish(messages: readonly TransportMessage[]): Promise<void> {
    await this.onPublish();
    if (this.down) throw new Error('KafkaJSConnectionError: Connection refused');
    this.received.push(...messages);
  }
  async subscribe(_g: string, _t: readonly string[], _h: MessageHandler): Promise<void> {
    // Deliveries are made by hand in these tests.
  }
  async close(): Promise<void> {
    // Nothing to release.
  }
}

describe('OutboxRelay (SQLite, single relay)', () => {
  let dataSource: DataSource;
  let broker: FlakyBroker;
  const writer = new OutboxWriter();
  const append = (n: number) =>
    dataSource.transaction(async (manager) => {
      for (let i = 0; i < n; i++) await writer.append(manager, contractSignedEvent(i));
    });

  beforeEach(async () => {
    dataSource = await sqliteMemoryDataSource();
    broker = new FlakyBroker();
  });
  afterEach(() => dataSource.destroy());

  it('publishes in seq order and marks rows only after the broker acked', async () => {
    await append(5);
    const relay = new OutboxRelay(dataSource, broker, { batchSize: 3 });
    broker.onPublish = async () => {
      expect(await dataSource.getRepository(OutboxEvent).countBy({ publishedAt: IsNull() })).toBe(5);
      broker.onPublish = async () => undefined;
    };
    expect(await relay.publishBatch()).toBe(3);
    expect(await relay.publishBatch()).toBe(2);
    expect(await relay.publishBatch()).toBe(0);
    const rows = await dataSource.getRepository(OutboxEvent).find({ order: { seq: 'ASC' } });
    expect(broker.received.map((m) => m.value)).toEqual(rows.map((r) => r.payload));
    expect(rows.every((r) => r.publishedAt instanceof Date && r.attempts === 1)).toBe(true);
    expect(broker.received[0]).toMatchObject({ topic: 'orders.contract-signed.v1', key: rows[0].messageKey });
  });

  it('keeps events while the broker is down, shows backlog and lag, and drains when it is back', async () => {
    broker.down = true;
    const relay = new OutboxRelay(dataSource, broker, { pollIntervalMs: 10, maxBackoffMs: 50 });
    relay.start();
    await append(4);
    await waitFor(() => relay.status().consecutiveFailures >= 2);
    expect(await relay.backlog()).toBe(4);
    expect(await relay.lagMs()).toBeGreaterThan(0);
    const stuck = await dataSource.getRepository(OutboxEvent).findOneByOrFail({ seq: 1 });
    expect(stuck.attempts).toBeGreaterThanOrEqual(2);
    expect(stuck.lastError).toContain('Connection refused');
    expect(relay.status().lastError).toContain('Connection refused');

    broker.down = false;
    await waitFor(async () => (await relay.backlog()) === 0);
    await relay.stop();
    expect(broker.received).toHaveLength(4);
    expect(await relay.lagMs()).toBe(0);
    expect(await relay.health()).toMatchObject({ backlog: 0, lagMs: 0, consecutiveFailures: 0, lastError: null, published: 4 });
  });
});
