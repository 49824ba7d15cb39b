import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { DataSource, IsNull, MigrationInterface, Not, QueryRunner } from 'typeorm';
import { OrderStatusChangedV1, Topics } from '@lianxiao/contracts';
import { createLogger } from '../src/logging';
import { InboxConsumer, InboxHandler } from '../src/events/inbox-consumer';
import { InboxRecord } from '../src/events/inbox-record.entity';
import { KafkaTransport } from '../src/events/kafka-transport';
import { OutboxEvent } from '../src/events/outbox-event.entity';
import { waitFor } from './events-fixtures';
import { CREATE_TEST_ORDER_TABLE, OrderStatusStream } from './order-status-stream';
import { KafkaMockCluster } from '../../../tools/src/kafka-mock/kafka-mock-cluster';
import { createTestDatabase } from './mariadb-test-database';

/** The "service" tables: orders the users change, and the projection the consumer keeps. */
class RelayCrashTables1795900000002 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(CREATE_TEST_ORDER_TABLE);
    // One row per order (no hot counter row, so the partitions are applied in parallel).
    await q.query(
      'CREATE TABLE test_projection (orderId varchar(36) PRIMARY KEY, version int NOT NULL, events int NOT NULL, versionSum int NOT NULL, outOfOrder int NOT NULL) ENGINE=InnoDB',
    );
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE test_projection, test_order');
  }
}

const ORDERS = 1_000;
const VERSIONS = 10;
const EVENTS = ORDERS * VERSIONS;
const WRITERS = 16;
/**
 * Pause between one user's changes. The faults take about 15 s (two relay kills with 2 s down, three
 * broker outages of 3 s); 625 changes per user at one per 35 ms last at least 22 s, so on a fast
 * machine too the stream outlasts the faults (at 20 ms a quiet machine finished writing first).
 */
const PACE_MS = Number(process.env.RELAY_CRASH_PACE_MS ?? 35);
const RELAY_SCRIPT = path.join(__dirname, 'relay-process.js');
const BUILT_LIBRARY = path.resolve(__dirname, '../dist/index.js');
const log = createLogger('events.relay-crash');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The relay as its own OS process, so it can be SIGKILLed like a crashed pod. */
class RelayProcess {
  published = 0;
  private constructor(private readonly child: ChildProcessWithoutNullStreams) {}

  static async start(env: Record<string, string>): Promise<RelayProcess> {
    const child = spawn(process.execPath, [RELAY_SCRIPT], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const relay = new RelayProcess(child);
    child.stderr.on('data', (chunk: Buffer) => log.warn({ relayStderr: chunk.toString().slice(0, 500) }, 'relay process stderr'));
    const lines = readline.createInterface({ input: child.stdout });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('relay process did not start within 20 s')), 20_000);
      child.once('exit', (code) => reject(new Error(`relay process exited with ${code} before it was ready`)));
      lines.on('line', (line) => {
        if (line === 'ready') {
          clearTimeout(timer);
          child.removeAllListeners('exit');
          resolve();
        }
        const match = /^published (\d+)$/.exec(line);
        if (match) relay.published = Number(match[1]);
      });
    });
    return relay;
  }

  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    await exited;
  }
}

describe('outbox relay process SIGKILLed twice and every partition leader restarted (MariaDB, 3-broker kafka-mock)', () => {
  let cluster: KafkaMockCluster;
  let dataSource: DataSource;
  let databaseUrl: string;
  let drop: () => Promise<void>;
  let transport: KafkaTransport;
  let relay: RelayProcess | undefined;
  const totals = async () => {
    const [row] = await dataSource.query('SELECT COUNT(*) AS orders, SUM(events) AS events, SUM(versionSum) AS versionSum, SUM(outOfOrder) AS outOfOrder FROM test_projection');
    return { orders: Number(row.orders), events: Number(row.events ?? 0), versionSum: Number(row.versionSum ?? 0), outOfOrder: Number(row.outOfOrder ?? 0) };
  };

  beforeAll(async () => {
    if (!fs.existsSync(BUILT_LIBRARY)) throw new Error(`${BUILT_LIBRARY} is missing: build first (npx tsc -b tsconfig.build.json)`);
    cluster = await KafkaMockCluster.start(3);
    await cluster.command(`topic ${Topics.orderStatusChanged} 3 3`);
    // One partition led by each broker, so each broker's outage stops one partition's leader.
    for (let partition = 0; partition < 3; partition++) await cluster.command(`leader ${Topics.orderStatusChanged} ${partition} ${partition + 1}`);
    ({ dataSource, databaseUrl, drop } = await createTestDatabase([RelayCrashTables1795900000002], '_crash'));
    transport = new KafkaTransport({ brokers: cluster.brokers, clientId: 'crash-consumer', sessionTimeoutMs: 6_000 });
  }, 60_000);

  afterAll(async () => {
    await relay?.kill();
    await transport?.close();
    await drop?.();
    await cluster?.stop();
  }, 30_000);

  it('consumes all 10,000 events exactly once, in order per key, and no user write fails', async () => {
    const applyStatus: InboxHandler = async (event, { manager }) => {
      const data = event.data as OrderStatusChangedV1;
      // One statement: out of order when this version does not follow the one applied last
      // (MariaDB assigns left to right, so outOfOrder still sees the old version).
      await manager.query(
        `INSERT INTO test_projection (orderId, version, events, versionSum, outOfOrder) VALUES (?, ?, 1, ?, ?)
         ON DUPLICATE KEY UPDATE outOfOrder = outOfOrder + (version <> VALUES(version) - 1), version = VALUES(version),
           versionSum = versionSum + VALUES(version), events = events + 1`,
        [data.orderId, data.version, data.version, data.version === 1 ? 0 : 1],
      );
    };
    const projection = new InboxConsumer(dataSource, transport, { consumer: 'crash-projection', topics: [Topics.orderStatusChanged], handler: applyStatus });
    await projection.start();
    const relayEnv = { RELAY_DATABASE_URL: databaseUrl, RELAY_BROKERS: cluster.brokers.join(','), RELAY_NAME: 'crash-relay' };
    relay = await RelayProcess.start(relayEnv);

    const orderIds = Array.from({ length: ORDERS }, () => randomUUID());
    const stream = new OrderStatusStream(dataSource, log);

    const started = Date.now();
    let writing = true;
    // Progress every 10 s, so a slow machine and a stall can be told apart in the log.
    const progress = setInterval(() => {
      void (async () => {
        const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM outbox_event');
        log.info({ atMs: Date.now() - started, written: Number(n), consumed: (await totals()).events, relayPublished: relay?.published }, 'relay crash progress');
      })().catch(() => undefined);
    }, 10_000);
    progress.unref();
    const users = Array.from({ length: WRITERS }, async (_, w) => {
      const mine = orderIds.filter((_, i) => i % WRITERS === w);
      let n = 0;
      for (let version = 1; version <= VERSIONS; version++) {
        for (const orderId of mine) {
          await stream.change(orderId, version);
          const due = started + ++n * PACE_MS;
          if (PACE_MS > 0 && due > Date.now()) await sleep(due - Date.now());
        }
      }
    });
    const usersDone = Promise.all(users).then(() => (writing = false));

    // The faults, one after the other, while the users write.
    const faults: { at: number; what: string; writesSoFar: number }[] = [];
    const note = async (what: string) => {
      const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM outbox_event');
      faults.push({ at: Date.now() - started, what, writesSoFar: Number(n) });
    };
    const killRelay = async () => {
      // Kill it while it is publishing: after it has published something since it started.
      const before = relay?.published ?? 0;
      await waitFor(() => (relay?.published ?? 0) > before, 20_000);
      await relay?.kill();
      await note(`relay SIGKILLed after publishing ${relay?.published}`);
      await sleep(1_000);
      relay = await RelayProcess.start(relayEnv);
      await note('relay restarted');
    };
    const bounceBroker = async (id: number) => {
      await cluster.command(`down ${id}`);
      await note(`broker ${id} down`);
      await sleep(3_000);
      await cluster.command(`up ${id}`);
      await note(`broker ${id} up`);
    };
    await sleep(1_500);
    await killRelay();
    await bounceBroker(1);
    await killRelay();
    await bounceBroker(2);
    await bounceBroker(3);
    const faultsDoneMs = Date.now() - started;
    const writingDuringFaults = writing;
    await usersDone;
    const writesDoneMs = Date.now() - started;

    const outbox = dataSource.getRepository(OutboxEvent);
    const deadline = Date.now() + 120_000;
    while ((await totals()).events < EVENTS || (await outbox.countBy({ publishedAt: IsNull() })) > 0) {
      if (Date.now() > deadline) throw new Error(`not all consumed within 120 s: ${JSON.stringify(await totals())}`);
      await sleep(250);
    }
    const allConsumedMs = Date.now() - started;
    clearInterval(progress);
    await sleep(1_000); // let a late duplicate arrive before counting

    const sorted = [...stream.mutationMs].sort((a, b) => a - b);
    log.info(
      {
        events: EVENTS,
        faults,
        faultsDoneMs,
        writesDoneMs,
        allConsumedMs,
        consumer: projection.stats(),
        totals: await totals(),
        mutationP50Ms: sorted[Math.floor(sorted.length / 2)],
        mutationP99Ms: sorted[Math.floor(sorted.length * 0.99)],
        mutationMaxMs: sorted[sorted.length - 1],
      },
      'relay crash result',
    );
    expect(writingDuringFaults).toBe(true);
    expect(stream.failedMutations).toBe(0);
    expect(await outbox.count()).toBe(EVENTS);
    expect(await outbox.countBy({ publishedAt: Not(IsNull()) })).toBe(EVENTS);
    expect(await dataSource.getRepository(InboxRecord).countBy({ consumer: 'crash-projection' })).toBe(EVENTS);
    expect(await totals()).toEqual({ orders: ORDERS, events: EVENTS, versionSum: (ORDERS * VERSIONS * (VERSIONS + 1)) / 2, outOfOrder: 0 });
  }, 240_000);
});
