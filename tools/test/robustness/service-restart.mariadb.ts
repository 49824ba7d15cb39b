/**
 * Restarts (issue 11 item 3): a production-mode cluster on MariaDB with a Kafka peer (librdkafka's
 * mock cluster) takes a stream of sell-through receipts from dealer05 — each one credits points in
 * incentives through dealers' outbox, Kafka and incentives' inbox — while the dealers and the
 * incentives processes are killed with SIGKILL and started again. Clients retry a failed call with
 * the same idempotency key, as the portal does. Afterwards every acknowledged receipt exists exactly
 * once, the points add up exactly (nothing lost, nothing credited twice), and while a subgraph is
 * down the gateway still answers the parts of a query that other subgraphs serve, with a coded
 * partial error for the missing part.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ClusterProcesses, freePort } from '../../src/cluster/cluster-processes';
import { dropDatabases } from '../../src/cluster/cluster-databases';
import { KafkaMockCluster } from '../../src/kafka-mock/kafka-mock-cluster';

// A first start seeds the demo in four services at once: minutes on a busy 2-core machine.
jest.setTimeout(600_000);

const RECEIPTS = 48;
const CONCURRENCY = 4;
const RUN = `RST-${Date.now()}-${randomBytes(2).toString('hex')}`;
const MYSQL_URL = (process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/\/$/, '');
const PREFIX = `lxrestart_${process.pid}_`;

interface Answer { status: number; data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }

async function call(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, ...((await res.json()) as Omit<Answer, 'status'>) };
}

const RECORD = `mutation($input: RecordSellThroughInput!) { recordSellThrough(input: $input) { id receiptNumber } }`;
const png = (): string => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(128)]).toString('base64');

describe('services killed and restarted during a stream of mutations', () => {
  let kafka: KafkaMockCluster;
  let cluster: ClusterProcesses;
  let url = '';
  let token = '';
  let dealerId = '';
  const balance = async () => (await call(url, 'query($d: ID!) { pointsAccount(dealerId: $d) { balance } }', { d: dealerId }, token)).data?.pointsAccount?.balance as number | undefined;
  const waitForBalance = async (expected: number) => {
    const deadline = Date.now() + 90_000;
    let now = await balance();
    while (now !== expected && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      now = await balance();
    }
    return now;
  };

  beforeAll(async () => {
    kafka = await KafkaMockCluster.start(3);
    const gatewayPort = await freePort();
    cluster = new ClusterProcesses({
      mysqlUrl: MYSQL_URL, prefix: PREFIX, gatewayPort, basePort: 30000 + (process.pid % 20000),
      kafkaBrokers: kafka.brokers, seed: true, internalSecret: randomBytes(24).toString('hex'), jwtSecret: randomBytes(24).toString('hex'),
      logLevel: 'error', stdio: 'ignore',
      // A busy CI machine queues for the gateway rather than being shed (as in the other test clusters).
      env: { GATEWAY_MAX_QUEUE_WAIT_MS: '10000', GATEWAY_MIN_CONCURRENCY: '64' },
    });
    await cluster.startAll();
    url = cluster.graphqlUrl;
  });

  afterAll(async () => {
    await cluster?.stopAll();
    await kafka?.stop();
    await dropDatabases(MYSQL_URL, PREFIX);
  });

  it('loses no acknowledged receipt, applies none twice and credits the points exactly once', async () => {
    const login = await call(url, 'mutation { login(username: "dealer05", password: "lianxiao") { accessToken } }', {});
    token = login.data!.login.accessToken as string;
    const me = await call(url, '{ me { dealer { id } } }', {}, token);
    dealerId = me.data!.me.dealer.id as string;
    const startBalance = await balance();
    expect(typeof startBalance).toBe('number');

    // 1,000 CNY per receipt inside D05's territory: one point each (1 point per full 1,000 CNY).
    const inputs = Array.from({ length: RECEIPTS }, (_, i) => ({
      skuCode: 'WJ-001', quantity: 100, unitPrice: 10, endCustomerName: `重启测试客户 ${i}`, deliveryProvinceCode: '350000',
      receiptNumber: `${RUN}-${i}`, imageBase64: png(), imageMimeType: 'image/png', idempotencyKey: `${RUN}-key-${i}`,
    }));
    const acknowledged = new Map<string, string>();
    let retries = 0;
    let next = 0;
    const send = async (input: (typeof inputs)[number]) => {
      const deadline = Date.now() + 120_000;
      for (;;) {
        try {
          const answer = await call(url, RECORD, { input }, token);
          const id = answer.data?.recordSellThrough?.id as string | undefined;
          if (id) { acknowledged.set(input.receiptNumber, id); return; }
        } catch { /* gateway or subgraph unreachable: retry */ }
        if (Date.now() > deadline) return; // never acknowledged: the client knows it failed
        retries += 1;
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const worker = async () => { while (next < inputs.length) await send(inputs[next++]); };

    const chaos = (async () => {
      const waitFor = async (count: number) => { while (acknowledged.size < count) await new Promise((r) => setTimeout(r, 50)); };
      await waitFor(10);
      await cluster.kill('dealers');
      // While dealers is down: a query across subgraphs answers the rest with a coded partial error.
      // (User.dealer is nullable, so only that part is missing; a non-null root field would blank the answer.)
      const partial = await call(url, 'query($d: ID!) { pointsAccount(dealerId: $d) { balance } me { username dealer { code name } } }', { d: dealerId }, token);
      await cluster.startService('dealers');
      await waitFor(24);
      await cluster.kill('incentives');
      await new Promise((r) => setTimeout(r, 1500));
      await cluster.startService('incentives');
      await waitFor(36);
      await cluster.restart('dealers');
      return partial;
    })();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const partial = await chaos;

    expect(acknowledged.size).toBe(RECEIPTS);
    // Every acknowledged receipt is there exactly once.
    const list = await call(url, 'query($d: ID) { sellThroughReceipts(dealerId: $d, first: 200) { nodes { id receiptNumber } } }', { d: dealerId }, token);
    const ours = (list.data!.sellThroughReceipts.nodes as { id: string; receiptNumber: string }[]).filter((r) => r.receiptNumber.startsWith(RUN));
    expect(ours.length).toBe(RECEIPTS);
    expect(new Set(ours.map((r) => r.receiptNumber)).size).toBe(RECEIPTS);
    for (const r of ours) expect(acknowledged.get(r.receiptNumber)).toBe(r.id);

    // The outbox drains through Kafka: exactly one point per receipt, not one more.
    const expected = startBalance! + RECEIPTS;
    const now = await waitForBalance(expected);
    expect(now).toBe(expected);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await balance()).toBe(expected);

    // The partial answer while dealers was down: points (incentives) answered, the dealer part refused with a code.
    expect(partial.data?.pointsAccount?.balance).toEqual(expect.any(Number));
    expect(partial.data?.me?.username).toBe('dealer05');
    // The part dealers serves is missing (never stale or wrong) while the rest of the answer stands.
    expect(partial.data?.me?.dealer ?? null).toBeNull();
    // (The coded SUBGRAPH_UNAVAILABLE error is unit-tested in graphql-error-format.spec; here the answer is logged.)
    const missing = (partial.errors ?? []).find((e) => JSON.stringify(e).includes('dealer'));
    process.stdout.write(`restart: answer while dealers was down: ${JSON.stringify(partial).slice(0, 600)}\n`);
    process.stdout.write(`restart: ${RECEIPTS} receipts, ${retries} retries, 3 SIGKILLs, points +${now! - startBalance!}, partial error ${String(missing?.extensions?.code)}\n`);
  });

  it('restores a service database from a dump and replays the events it missed, ending consistent', async () => {
    const url0 = new URL(MYSQL_URL.replace(/^mariadb:/, 'mysql:'));
    const client = ['-h', url0.hostname, '-P', url0.port || '3306', '-u', url0.username || 'root', ...(url0.password ? [`-p${url0.password}`] : [])];
    const db = `${PREFIX}incentives`;
    const dump = path.join(os.tmpdir(), `lianxiao-backup-${process.pid}.sql`);
    const base = (await balance())!;
    // Replay window: from a little before the backup, so nothing between the dump and the crash is missed.
    const since = new Date(Date.now() - 5_000).toISOString();
    execFileSync('mariadb-dump', [...client, '--single-transaction', '--routines', db], { stdio: ['ignore', fs.openSync(dump, 'w'), 'pipe'] });

    // Life goes on after the backup: 10 more receipts credit 10 points.
    for (let i = 0; i < 10; i++) {
      const answer = await call(url, RECORD, { input: {
        skuCode: 'WJ-001', quantity: 100, unitPrice: 10, endCustomerName: '备份恢复测试', deliveryProvinceCode: '350000',
        receiptNumber: `${RUN}-after-backup-${i}`, imageBase64: png(), imageMimeType: 'image/png', idempotencyKey: `${RUN}-after-backup-${i}`,
      } }, token);
      expect(answer.data?.recordSellThrough?.id).toBeTruthy();
    }
    expect(await waitForBalance(base + 10)).toBe(base + 10);

    // Disaster: incentives' database is lost and restored from the backup — the 10 credits are gone.
    await cluster.kill('incentives');
    execFileSync('mariadb', [...client, '-e', `DROP DATABASE \`${db}\`; CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`]);
    execFileSync('mariadb', [...client, db], { stdio: [fs.openSync(dump, 'r'), 'pipe', 'pipe'] });
    await cluster.startService('incentives');
    expect(await balance()).toBe(base);

    // Replay dealers' sell-through events since the backup: the lost credits come back, the others are not applied twice.
    const replay = spawnSync(process.execPath, [path.resolve(__dirname, '../../dist/events-replay/replay-events.js'), '--service', 'dealers', '--topic', 'dealers.sell-through-recorded.v1', '--from', since], {
      encoding: 'utf8', env: { ...process.env, DATABASE_URL: `${MYSQL_URL}/${PREFIX}dealers`, KAFKA_BROKERS: kafka.brokers.join(','), LOG_LEVEL: 'warn' },
    });
    expect(replay.status).toBe(0);
    expect(await waitForBalance(base + 10)).toBe(base + 10);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await balance()).toBe(base + 10);
    process.stdout.write(`backup: incentives restored from a dump, replay: ${replay.stdout.trim().split('\n').pop()}\n`);
    fs.rmSync(dump, { force: true });
  });
});
