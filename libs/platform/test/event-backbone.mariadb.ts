import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource, IsNull, MigrationInterface, Not, QueryRunner } from 'typeorm';
import { CloudEvent, DEAD_LETTER_REASON_HEADER, OrderStatusChangedV1, Topics, validateEvent } from '@lianxiao/contracts';
import { createLogger } from '../src/logging';
import { DomainError } from '../src/errors';
import { InboxConsumer, InboxHandler } from '../src/events/inbox-consumer';
import { InboxRecord } from '../src/events/inbox-record.entity';
import { KafkaTransport } from '../src/events/kafka-transport';
import { OutboxEvent } from '../src/events/outbox-event.entity';
import { OutboxRelay } from '../src/events/outbox-relay';
import { OutboxWriter } from '../src/events/outbox-writer';
import type { ReceivedMessage } from '../src/events/event-transport';
import { contractSignedEvent, waitFor } from './events-fixtures';
import { CREATE_TEST_ORDER_TABLE, OrderStatusStream } from './order-status-stream';
import { KafkaMockCluster } from '../../../tools/src/kafka-mock/kafka-mock-cluster';
import { createTestDatabase } from './mariadb-test-database';

/** The "service" tables of this test: orders it changes, and a projection a consumer keeps. */
class EventTestTables1795900000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(CREATE_TEST_ORDER_TABLE);
    await q.query('CREATE TABLE test_order_version (orderId varchar(36) PRIMARY KEY, version int NOT NULL) ENGINE=InnoDB');
    await q.query('CREATE TABLE test_tally (name varchar(32) PRIMARY KEY, total bigint NOT NULL) ENGINE=InnoDB');
    await q.query("INSERT INTO test_tally (name, total) VALUES ('events', 0), ('version_sum', 0), ('out_of_order', 0), ('contracts', 0)");
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE test_tally, test_order_version, test_order');
  }
}

const ORDERS = 200;
const VERSIONS = 10;
const WRITERS = 8;
/** Pause between one user's changes; 0 measures throughput instead of a steady stream. */
const PACE_MS = Number(process.env.EVENTS_E2E_PACE_MS ?? 20);
const log = createLogger('events.e2e');

describe('event backbone on MariaDB and a 3-broker Kafka (kafka-mock)', () => {
  let cluster: KafkaMockCluster;
  let dataSource: DataSource;
  let drop: () => Promise<void>;
  const transports: KafkaTransport[] = [];
  const relays: OutboxRelay[] = [];
  const writer = new OutboxWriter();
  let projection: InboxConsumer;
  const transport = (clientId: string) => {
    const t = new KafkaTransport({ brokers: cluster.brokers, clientId, sessionTimeoutMs: 6_000 });
    transports.push(t);
    return t;
  };
  const tally = async (name: string) => Number((await dataSource.query('SELECT total FROM test_tally WHERE name = ?', [name]))[0].total);

  beforeAll(async () => {
    cluster = await KafkaMockCluster.start(3);
    for (const topic of [Topics.orderStatusChanged, Topics.contractSigned]) await cluster.command(`topic ${topic} 3 3`);
    await cluster.command(`topic ${Topics.contractSigned}.dlq 1 3`);
    await cluster.command(`leader ${Topics.orderStatusChanged} 0 1`);
    ({ dataSource, drop } = await createTestDatabase([EventTestTables1795900000001]));
    // Two relay replicas share the outbox (SKIP LOCKED), each with its own producer.
    for (const name of ['relay-a', 'relay-b']) relays.push(new OutboxRelay(dataSource, transport(name), { name, batchSize: 100, pollIntervalMs: 20 }));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    await Promise.all(transports.map((t) => t.close()));
    await drop?.();
    await cluster?.stop();
  }, 30_000);

  it('builds with its migration exactly the schema the entities describe', async () => {
    const diff = await dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('delivers 2,000 outbox events exactly once, in order per order id, while broker 1 restarts', async () => {
    const applyStatus: InboxHandler = async (event, { manager }) => {
      const data = event.data as OrderStatusChangedV1;
      // Row first, then lock it: a FOR UPDATE on a missing row takes a gap lock and deadlocks.
      await manager.query('INSERT IGNORE INTO test_order_version (orderId, version) VALUES (?, 0)', [data.orderId]);
      const [row] = await manager.query('SELECT version FROM test_order_version WHERE orderId = ? FOR UPDATE', [data.orderId]);
      if (Number(row.version) !== data.version - 1) await manager.query("UPDATE test_tally SET total = total + 1 WHERE name = 'out_of_order'");
      await manager.query('UPDATE test_order_version SET version = ? WHERE orderId = ?', [data.version, data.orderId]);
      await manager.query("UPDATE test_tally SET total = total + ? WHERE name = 'version_sum'", [data.version]);
      await manager.query("UPDATE test_tally SET total = total + 1 WHERE name = 'events'");
    };
    projection = new InboxConsumer(dataSource, transport('projection'), { consumer: 'order-projection', topics: [Topics.orderStatusChanged], handler: applyStatus });
    await projection.start();
    relays.forEach((r) => r.start());

    const orderIds = Array.from({ length: ORDERS }, () => randomUUID());
    const stream = new OrderStatusStream(dataSource, log, writer);
    // Eight "users" at ~50 changes/s each, so the broker outage falls in the middle of the stream.
    const started = Date.now();
    const users = Array.from({ length: WRITERS }, async (_, w) => {
      const mine = orderIds.filter((_, i) => i % WRITERS === w);
      let n = 0;
      for (let version = 1; version <= VERSIONS; version++) {
        for (const orderId of mine) {
          await stream.change(orderId, version);
          const due = started + ++n * PACE_MS;
          if (PACE_MS > 0 && due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        }
      }
    });
    const outage = (async () => {
      await new Promise((r) => setTimeout(r, 1_000));
      await cluster.command('down 1');
      log.info('broker 1 down');
      await new Promise((r) => setTimeout(r, 3_000));
      await cluster.command('up 1');
      log.info('broker 1 up');
    })();
    await Promise.all([...users, outage]);
    const writesDoneMs = Date.now() - started;

    // Generous: on a loaded 2-core CI machine 2,000 single-event user transactions alone can take 20 s.
    await waitFor(async () => (await tally('events')) >= ORDERS * VERSIONS && (await relays[0].backlog()) === 0, 90_000);
    const allConsumedMs = Date.now() - started;
    await new Promise((r) => setTimeout(r, 500)); // let any late duplicate arrive before counting

    expect(stream.failedMutations).toBe(0);
    expect(await dataSource.getRepository(InboxRecord).countBy({ consumer: 'order-projection' })).toBe(ORDERS * VERSIONS);
    expect(await tally('events')).toBe(ORDERS * VERSIONS);
    expect(await tally('version_sum')).toBe((ORDERS * VERSIONS * (VERSIONS + 1)) / 2);
    expect(await tally('out_of_order')).toBe(0);
    expect(await dataSource.getRepository(OutboxEvent).countBy({ publishedAt: Not(IsNull()) })).toBe(ORDERS * VERSIONS);
    expect(await relays[0].lagMs()).toBe(0);
    const sorted = [...stream.mutationMs].sort((a, b) => a - b);
    log.info(
      {
        events: ORDERS * VERSIONS,
        writesDoneMs,
        allConsumedMs,
        eventsPerSecond: Math.round((ORDERS * VERSIONS * 1000) / allConsumedMs),
        publishedByRelay: relays.map((r) => r.status().published),
        consumer: projection.stats(),
        mutationP50Ms: sorted[Math.floor(sorted.length / 2)],
        mutationMaxMs: sorted[sorted.length - 1],
      },
      'e2e result',
    );
  }, 150_000);

  it('changes nothing when the same event is delivered again', async () => {
    const first = await dataSource.getRepository(OutboxEvent).findOneByOrFail({ seq: 1 });
    const before = { events: await tally('events'), versionSum: await tally('version_sum'), duplicates: projection.stats().duplicates };
    await transports[0].publish([{ topic: first.topic, key: first.messageKey, value: first.payload, headers: first.headers ?? undefined }]);
    await waitFor(() => projection.stats().duplicates > before.duplicates, 20_000);
    expect(await tally('events')).toBe(before.events);
    expect(await tally('version_sum')).toBe(before.versionSum);
    expect(await dataSource.getRepository(InboxRecord).countBy({ consumer: 'order-projection' })).toBe(ORDERS * VERSIONS);
  }, 30_000);

  it('sends an event that fails its schema to the dead-letter topic with the reason; ERP reads valid envelopes', async () => {
    const erpConnector = new InboxConsumer(dataSource, transport('erp'), {
      consumer: 'erp-connector',
      topics: [Topics.contractSigned],
      handler: async (_event, { manager }) => void (await manager.query("UPDATE test_tally SET total = total + 1 WHERE name = 'contracts'")),
    });
    const deadLetters: ReceivedMessage[] = [];
    await transport('dlq-reader').subscribe('dlq-reader', [`${Topics.contractSigned}.dlq`], async (m) => void deadLetters.push(m));
    await erpConnector.start();

    const good = contractSignedEvent(88_000);
    await dataSource.transaction((manager) => writer.append(manager, good));
    const bad = contractSignedEvent(1);
    delete (bad.data as { specification: Record<string, unknown> }).specification.craftNotes;
    await expect(dataSource.transaction((manager) => writer.append(manager, bad))).rejects.toBeInstanceOf(DomainError);
    // A rogue producer bypassing the outbox:
    await transports[0].publish([{ topic: Topics.contractSigned, key: bad.subject, value: JSON.stringify(bad) }]);

    // ERP's connector, any Kafka client: here plain kafkajs, reading the topic from the start.
    const erpSeen: CloudEvent[] = [];
    const erpKafka = new Kafka({ clientId: 'erp', brokers: cluster.brokers, logLevel: logLevel.NOTHING });
    const erp = erpKafka.consumer({ groupId: 'erp-scheduling', maxWaitTimeInMs: 200 });
    await erp.connect();
    await erp.subscribe({ topic: Topics.contractSigned, fromBeginning: true });
    await erp.run({ eachMessage: async ({ message }) => void erpSeen.push(JSON.parse(message.value?.toString() ?? 'null') as CloudEvent) });
    try {
      await waitFor(() => deadLetters.length >= 1 && erpConnector.stats().handled >= 1 && erpSeen.length >= 2, 40_000);
    } finally {
      await erp.disconnect();
    }
    expect(deadLetters).toHaveLength(1);
    expect(JSON.parse(deadLetters[0].value).id).toBe(bad.id);
    expect(deadLetters[0].headers?.[DEAD_LETTER_REASON_HEADER]).toBe("contract violation: /data/specification must have required property 'craftNotes'");
    expect(deadLetters[0].headers?.['x-dlq-consumer']).toBe('erp-connector');
    expect(erpConnector.stats()).toMatchObject({ handled: 1, deadLettered: 1 });
    expect(await tally('contracts')).toBe(1);
    const fromOutbox = erpSeen.find((e) => e.id === good.id);
    expect(fromOutbox && validateEvent(fromOutbox)).toEqual([]);
  }, 60_000);
});
