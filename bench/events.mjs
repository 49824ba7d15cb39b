// `npm run bench:events`: the event backbone on a 3-broker kafka-mock cluster and MariaDB.
//  1. raw producer: kafkajs (acks -1) sends N prepared messages in batches, no database;
//  2. relay: the same N messages as outbox rows (pre-written), published by one OutboxRelay
//     (service defaults) until the outbox is drained;
//  3. e2e: a steady stream at RATE ev/s, each a state change + outbox row in one transaction;
//     latency from that commit to the InboxConsumer's side effect (relay polling as in a service);
//  4. lost / duplicates: every outbox event must have exactly one side effect.
// Prints as its last line:
//   events: relay R ev/s, raw producer P ev/s, ratio R/P, e2e p50 A ms p99 B ms, lost L, duplicates D
// Env: TEST_MARIADB_URL (default mariadb://root@127.0.0.1:3306), BENCH_EVENTS (20000),
//      BENCH_E2E_RATE (200), BENCH_E2E_SECONDS (15), KAFKA_MOCK_BIN / KAFKA_MOCK_BUILD,
//      BENCH_NO_BUILD=1 (use the built dist as it is).
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { ensureBuilt, ROOT } from '../tools/start/ensure-built.mjs';

process.env.LOG_LEVEL ??= 'warn';
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const RATE = Number(process.env.BENCH_E2E_RATE ?? 200);
const E2E_SECONDS = Number(process.env.BENCH_E2E_SECONDS ?? 15);
// The relay's batch size (service default 500, DEFAULT_RELAY_BATCH); the raw producer sends batches of the same size.
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const TOPIC = 'orders.order-status-changed.v1';
const RAW_TOPIC = `bench-raw.${TOPIC}`;
const CONSUMER = 'bench.e2e';

if (!process.env.BENCH_NO_BUILD) ensureBuilt({ portal: false });
const require = createRequire(`${ROOT}/package.json`);
const { DataSource } = require('typeorm');
const { Kafka, logLevel } = require('kafkajs');
const platform = require(`${ROOT}/libs/platform/dist/index.js`);
const { makeEvent } = require(`${ROOT}/libs/contracts/dist/index.js`);
const { KafkaMockCluster } = require(`${ROOT}/tools/dist/kafka-mock/kafka-mock-cluster.js`);
const { dataSourceOptions, EVENT_ENTITIES, EventBackbone1795900000000, InboxConsumer, KafkaTransport, OutboxRelay, OutboxWriter } = platform;

class BenchTables1795900000100 {
  name = 'BenchTables1795900000100';
  async up(q) {
    await q.query('CREATE TABLE bench_order (id varchar(36) PRIMARY KEY, status varchar(32) NOT NULL, version int NOT NULL) ENGINE=InnoDB');
    // No unique key on purpose: a side effect applied twice shows up as a duplicate row.
    await q.query('CREATE TABLE bench_effect (n bigint AUTO_INCREMENT PRIMARY KEY, eventId varchar(36) NOT NULL, INDEX (eventId)) ENGINE=InnoDB');
  }
  async down(q) {
    await q.query('DROP TABLE bench_effect, bench_order');
  }
}

const log = (msg) => process.stdout.write(`${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(condition, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}
const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const actor = { id: randomUUID(), name: '基准测试' };
const STATUSES = ['CREATED', 'SCHEDULED', 'IN_PRODUCTION', 'INSPECTED', 'PACKED', 'SHIPPED', 'IN_TRANSIT', 'DELIVERED', 'INVOICED', 'CLOSED'];

function statusEvent(orderId, version) {
  return makeEvent({
    type: TOPIC,
    source: '/lianxiao/orders',
    subject: orderId,
    data: {
      orderId, contractId: orderId, customerId: orderId,
      fromStatus: version === 1 ? null : STATUSES[(version - 2) % STATUSES.length], toStatus: STATUSES[(version - 1) % STATUSES.length],
      version, changedAt: new Date().toISOString(), changedBy: actor,
    },
  });
}

const server = (process.env.TEST_MARIADB_URL ?? process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/\/+$/, '');
const dbName = `lxbench_events_${process.pid}`;
let cluster;
let admin;
let dataSource;
const transports = [];
let relay;
let rawProducer;
let result;

try {
  // --- infrastructure -------------------------------------------------------------------
  cluster = await KafkaMockCluster.start(3);
  for (const topic of [TOPIC, RAW_TOPIC]) await cluster.command(`topic ${topic} 3 3`);
  await cluster.command(`topic ${TOPIC}.dlq 1 3`);
  log(`kafka-mock: ${cluster.brokers.join(',')}`);

  admin = new DataSource({ ...dataSourceOptions({ databaseUrl: `${server}/mysql`, entities: [], migrations: [] }), migrationsRun: false });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  dataSource = new DataSource({
    ...dataSourceOptions({ databaseUrl: `${server}/${dbName}`, entities: EVENT_ENTITIES, migrations: [EventBackbone1795900000000, BenchTables1795900000100] }),
    extra: { connectionLimit: 20 },
  });
  await dataSource.initialize();
  log(`mariadb: ${server}/${dbName}`);

  const transport = (clientId) => {
    const t = new KafkaTransport({ brokers: cluster.brokers, clientId });
    transports.push(t);
    return t;
  };
  const writer = new OutboxWriter();
  const committedAt = new Map(); // eventId -> ms, for the e2e phase
  const latencies = [];
  const consumer = new InboxConsumer(dataSource, transport('bench-consumer'), {
    consumer: CONSUMER,
    topics: [TOPIC],
    handler: async (event, { manager }) => {
      await manager.query('INSERT INTO bench_effect (eventId) VALUES (?)', [event.id]);
      const committed = committedAt.get(event.id);
      if (committed !== undefined) latencies.push(Date.now() - committed);
    },
  });
  relay = new OutboxRelay(dataSource, transport('bench-relay'), { name: 'bench', batchSize: BATCH });
  const effects = async () => Number((await dataSource.query('SELECT COUNT(*) AS n FROM bench_effect'))[0].n);

  // Warm-up of the relay's producer (metadata, connections); these events count in lost/duplicates.
  const warm = Array.from({ length: 20 }, () => statusEvent(randomUUID(), 1));
  await dataSource.transaction((m) => writer.appendAll(m, warm));
  relay.start();
  await waitFor(() => relay.status().published >= warm.length, 60_000, 'the warm-up events');
  await relay.stop();
  log('warm-up done');

  // --- 1. raw producer --------------------------------------------------------------------
  const events = Array.from({ length: EVENTS }, (_, i) => statusEvent(randomUUID(), 1 + (i % 10)));
  const headers = { 'content-type': 'application/cloudevents+json; charset=UTF-8' };
  const messages = events.map((e) => ({ key: e.subject, value: JSON.stringify(e), headers }));
  const kafka = new Kafka({ clientId: 'bench-raw', brokers: cluster.brokers, logLevel: logLevel.NOTHING });
  rawProducer = kafka.producer({ allowAutoTopicCreation: true, idempotent: false, maxInFlightRequests: 1 });
  await rawProducer.connect();
  await rawProducer.send({ topic: RAW_TOPIC, acks: -1, messages: messages.slice(0, 1) }); // metadata warm-up
  let t0 = performance.now();
  for (let i = 0; i < messages.length; i += BATCH) {
    await rawProducer.send({ topic: RAW_TOPIC, acks: -1, messages: messages.slice(i, i + BATCH) });
  }
  const rawSeconds = (performance.now() - t0) / 1000;
  const rawRate = EVENTS / rawSeconds;
  log(`raw producer: ${EVENTS} messages in ${rawSeconds.toFixed(2)} s`);

  // --- 2. relay ---------------------------------------------------------------------------
  t0 = performance.now();
  for (let i = 0; i < events.length; i += 500) {
    await dataSource.transaction((m) => writer.appendAll(m, events.slice(i, i + 500), headers));
  }
  log(`outbox: ${EVENTS} rows written in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  const relayed = relay.status().published;
  t0 = performance.now();
  relay.start();
  await waitFor(() => relay.status().published - relayed >= EVENTS, 120_000, 'the relay to drain the outbox');
  const relaySeconds = (performance.now() - t0) / 1000;
  const relayRate = EVENTS / relaySeconds;
  log(`relay: ${EVENTS} rows published in ${relaySeconds.toFixed(2)} s`);
  // The consumer (another process in production) joins only now, so it does not share this
  // process and the database with the relay while the relay is timed; it reads from the start.
  t0 = performance.now();
  await consumer.start();
  await waitFor(async () => (await effects()) >= warm.length + EVENTS, Math.max(150_000, EVENTS * 30), 'the consumer to catch up');
  log(`consumer caught up after ${((performance.now() - t0) / 1000).toFixed(2)} s`);

  // --- 3. e2e at RATE ev/s -----------------------------------------------------------------
  const e2eCount = Math.round(RATE * E2E_SECONDS);
  const orderIds = Array.from({ length: 50 }, () => randomUUID());
  const versions = new Map();
  let failedMutations = 0;
  const started = performance.now();
  const inFlight = [];
  for (let i = 0; i < e2eCount; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const orderId = orderIds[i % orderIds.length];
    inFlight.push(
      (async () => {
        const version = (versions.get(orderId) ?? 0) + 1;
        versions.set(orderId, version);
        const event = statusEvent(orderId, version);
        try {
          await dataSource.transaction(async (m) => {
            if (version === 1) await m.query('INSERT INTO bench_order (id, status, version) VALUES (?, ?, 1)', [orderId, event.data.toStatus]);
            else await m.query('UPDATE bench_order SET status = ?, version = ? WHERE id = ?', [event.data.toStatus, version, orderId]);
            await writer.append(m, event);
          });
          committedAt.set(event.id, Date.now());
        } catch (error) {
          failedMutations += 1;
          log(`mutation failed: ${error}`);
        }
      })(),
    );
  }
  await Promise.all(inFlight);
  const total = warm.length + EVENTS + e2eCount - failedMutations;
  await waitFor(async () => (await effects()) >= total, 60_000, 'the e2e events');
  await sleep(1_000); // let a late duplicate arrive before counting

  // --- 4. lost and duplicates ---------------------------------------------------------------
  const [counts] = await dataSource.query(
    `SELECT (SELECT COUNT(*) FROM outbox_event) AS outbox,
            (SELECT COUNT(*) FROM outbox_event o WHERE NOT EXISTS (SELECT 1 FROM bench_effect e WHERE e.eventId = o.id)) AS lost,
            (SELECT COUNT(*) - COUNT(DISTINCT eventId) FROM bench_effect) AS duplicates`,
  );
  const sorted = [...latencies].sort((a, b) => a - b);
  log(`e2e: ${e2eCount} events at ${RATE}/s, ${sorted.length} latencies, ${failedMutations} failed mutations; consumer ${JSON.stringify(consumer.stats())}; outbox rows ${counts.outbox}`);
  result =
    `events: relay ${Math.round(relayRate)} ev/s, raw producer ${Math.round(rawRate)} ev/s, ratio ${(relayRate / rawRate).toFixed(2)}, ` +
    `e2e p50 ${percentile(sorted, 50)} ms p99 ${percentile(sorted, 99)} ms, lost ${Number(counts.lost)}, duplicates ${Number(counts.duplicates)}`;
} finally {
  await relay?.stop().catch(() => undefined);
  await rawProducer?.disconnect().catch(() => undefined);
  await Promise.all(transports.map((t) => t.close().catch(() => undefined)));
  if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
  if (admin?.isInitialized) {
    await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``).catch((e) => log(`cannot drop ${dbName}: ${e}`));
    await admin.destroy().catch(() => undefined);
  }
  await cluster?.stop().catch(() => undefined);
}
if (result) process.stdout.write(`${result}\n`);
else process.exitCode = 1;
