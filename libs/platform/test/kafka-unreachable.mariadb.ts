import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, MigrationInterface, QueryRunner } from 'typeorm';
import { makeEvent, OrderStatusChangedV1, Topics } from '@lianxiao/contracts';
import { createEventTransport } from '../src/events/events.module';
import type { EventTransport } from '../src/events/event-transport';
import { InboxConsumer } from '../src/events/inbox-consumer';
import { InboxRecord } from '../src/events/inbox-record.entity';
import { KafkaTransport } from '../src/events/kafka-transport';
import { OutboxEvent } from '../src/events/outbox-event.entity';
import { OutboxRelay } from '../src/events/outbox-relay';
import { OutboxWriter } from '../src/events/outbox-writer';
import { waitFor } from './events-fixtures';
import { KafkaMockCluster } from '../../../tools/src/kafka-mock/kafka-mock-cluster';
import { createTestDatabase } from './mariadb-test-database';

class UnreachableTables1795900000003 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE test_order (id varchar(36) PRIMARY KEY, status varchar(32) NOT NULL) ENGINE=InnoDB');
    await q.query('CREATE TABLE test_effect (eventId varchar(36) PRIMARY KEY) ENGINE=InnoDB');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE test_effect, test_order');
  }
}

const EVENTS = 300;
const actor = { id: randomUUID(), name: '测试用户' };

describe('a service starting while KAFKA_BROKERS is unreachable (MariaDB, kafka-mock)', () => {
  let cluster: KafkaMockCluster;
  let dataSource: DataSource;
  let drop: () => Promise<void>;
  let transport: EventTransport;
  let relay: OutboxRelay;

  beforeAll(async () => {
    cluster = await KafkaMockCluster.start(3);
    await cluster.command(`topic ${Topics.orderStatusChanged} 3 3`);
    ({ dataSource, drop } = await createTestDatabase([UnreachableTables1795900000003], '_unreach'));
  }, 60_000);

  afterAll(async () => {
    await relay?.stop();
    await transport?.close();
    await drop?.();
    await cluster?.stop();
  }, 30_000);

  it('starts, keeps every user change in the outbox while no broker answers, and drains the backlog when they return', async () => {
    for (const id of [1, 2, 3]) await cluster.command(`down ${id}`);

    // What EventsModule does at start-up: transport from the config, relay running, consumer subscribed.
    transport = createEventTransport({ serviceName: 'startup-test', kafkaBrokers: cluster.brokers });
    expect(transport).toBeInstanceOf(KafkaTransport);
    relay = new OutboxRelay(dataSource, transport, { name: 'startup-test', pollIntervalMs: 50, maxBackoffMs: 1_000 });
    relay.start();
    const probe = transport.probe!().then(
      () => 'reachable',
      () => 'unreachable',
    );
    const consumer = new InboxConsumer(dataSource, transport, {
      consumer: 'startup-projection',
      topics: [Topics.orderStatusChanged],
      handler: async (event, { manager }) => void (await manager.query('INSERT INTO test_effect (eventId) VALUES (?)', [event.id])),
    });
    // Start-up goes on (subscribe returns) although the group cannot be joined yet.
    await consumer.start();

    const writer = new OutboxWriter();
    let failed = 0;
    for (let i = 0; i < EVENTS; i++) {
      const orderId = randomUUID();
      try {
        await dataSource.transaction(async (manager) => {
          await manager.query('INSERT INTO test_order (id, status) VALUES (?, ?)', [orderId, 'CREATED']);
          const data: OrderStatusChangedV1 = {
            orderId, contractId: orderId, customerId: orderId, fromStatus: null, toStatus: 'CREATED',
            version: 1, changedAt: new Date().toISOString(), changedBy: actor,
          };
          await writer.append(manager, makeEvent({ type: Topics.orderStatusChanged, source: '/lianxiao/orders', subject: orderId, data }));
        });
      } catch {
        failed += 1;
      }
    }
    expect(failed).toBe(0);
    // Nothing could be published: the outbox holds every event.
    expect(await relay.backlog()).toBe(EVENTS);
    expect(relay.status().published).toBe(0);
    expect(await relay.lagMs()).toBeGreaterThan(0);

    for (const id of [1, 2, 3]) await cluster.command(`up ${id}`);
    await waitFor(async () => (await relay.backlog()) === 0, 60_000);
    await waitFor(async () => Number((await dataSource.query('SELECT COUNT(*) AS n FROM test_effect'))[0].n) >= EVENTS, 60_000);

    expect(await dataSource.getRepository(OutboxEvent).countBy({ publishedAt: IsNull() })).toBe(0);
    expect(await dataSource.getRepository(InboxRecord).countBy({ consumer: 'startup-projection' })).toBe(EVENTS);
    expect(Number((await dataSource.query('SELECT COUNT(*) AS n FROM test_effect'))[0].n)).toBe(EVENTS);
    expect(await probe).toMatch(/reachable/);
  }, 150_000);
});
