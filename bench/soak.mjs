// `npm run soak -- --minutes 60 [--rate 40] [--row-seconds 300]` (issue 11 item 4): the
// production-mode cluster (MariaDB, Kafka peer) under a realistic mix — the director's dashboard,
// reps' customer lists and details, dealers' pages and sell-through receipts (money and events) —
// at a fixed arrival rate. Prints a row per period: rps, p95, errors, RSS per process, outbox
// backlog; at the end checks that every event published was consumed exactly once and prints
// `soak: M min, N requests, errors E, events published P, consumed C, duplicates D, lost L`.
// `--json` adds one JSON line with the same figures (the CI test reads it).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { post, rssMb, startBenchCluster, QUERIES } from './lib/bench-cluster.mjs';
import { startKafkaMock } from '../tools/test/test-stack.mjs';

const { values: args } = parseArgs({
  options: { minutes: { type: 'string', default: '60' }, rate: { type: 'string', default: '40' }, 'row-seconds': { type: 'string', default: '300' }, json: { type: 'boolean', default: false } },
});
const MINUTES = Number(args.minutes);
const RATE = Number(args.rate);
const ROW_SECONDS = Number(args['row-seconds']);
const PROCESSES = ['gateway', 'customers', 'orders', 'dealers', 'incentives'];
const RUN = `SOAK-${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(96)]).toString('base64');

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

async function mysql(settings) {
  const url = new URL(settings.mysqlUrl.replace(/^mariadb:/, 'mysql:'));
  return createConnection({ host: url.hostname, port: Number(url.port || 3306), user: url.username || 'root', password: url.password });
}

async function backlog(conn, prefix) {
  let total = 0;
  for (const svc of ['customers', 'orders', 'dealers', 'incentives']) {
    const [rows] = await conn.query(`SELECT COUNT(*) AS n FROM \`${prefix}${svc}\`.outbox_event WHERE publishedAt IS NULL`);
    total += Number(rows[0].n);
  }
  return total;
}

async function main() {
  const kafka = await startKafkaMock();
  const bench = await startBenchCluster({ env: { RATE_LIMIT_PER_MINUTE: '100000' }, kafkaBrokers: kafka.brokers.split(',') });
  const conn = await mysql(bench.settings);
  const prefix = bench.settings.prefix;
  try {
    const login = async (u) => (await post(bench.url, { query: `mutation { login(username: "${u}", password: "lianxiao") { accessToken } }` })).body.data.login.accessToken;
    const director = await login('director');
    const rep = await login('rep.east1');
    const dealers = [];
    for (const n of ['05', '06', '07', '08']) dealers.push({ token: await login(`dealer${n}`), n });
    const points = async (token) => (await post(bench.url, { query: '{ me { dealer { id pointsBalance } } }' }, { authorization: `Bearer ${token}` })).body.data?.me?.dealer?.pointsBalance ?? 0;
    const pointsBefore = await Promise.all(dealers.map((d) => points(d.token)));
    let receipts = 0;

    // The mix, per 10 requests: 2 dashboards, 3 customer lists/details, 2 dealer pages, 3 receipts.
    const province = { '05': '350000', '06': '360000', '07': '370000', '08': '410000' };
    const ops = [
      () => ({ token: director, body: { query: QUERIES.dashboard } }),
      () => ({ token: rep, body: { query: QUERIES.customerList } }),
      () => ({ token: director, body: bench.mix[2] }),
      () => ({ token: dealers[0].token, body: { query: '{ me { dealer { id code name pointsBalance } } skus(first: 20) { nodes { code name } } }' } }),
      (i) => {
        const d = dealers[i % dealers.length];
        receipts += 1;
        return { token: d.token, receipt: true, body: { query: 'mutation($input: RecordSellThroughInput!) { recordSellThrough(input: $input) { id } }', variables: { input: {
          skuCode: 'WJ-001', quantity: 100, unitPrice: 10, endCustomerName: '耐久测试客户', deliveryProvinceCode: province[d.n],
          receiptNumber: `${RUN}-${i}`, imageBase64: png(), imageMimeType: 'image/png', idempotencyKey: `${RUN}-${i}`,
        } } } };
      },
      () => ({ token: director, body: { query: QUERIES.dashboard } }),
      () => ({ token: director, body: bench.mix[2] }), // the detail of a customer in the director's list (a rep would get NOT_FOUND outside their own)
      (i) => ops[4](i),
      () => ({ token: dealers[1].token, body: { query: '{ me { dealer { id code pointsBalance } } }' } }),
      (i) => ops[4](i),
    ];

    const started = Date.now();
    const end = started + MINUTES * 60_000;
    const interval = 1000 / RATE;
    let period = { ms: [], errors: 0, count: 0, start: Date.now() };
    let total = 0;
    let totalErrors = 0;
    let failedReceipts = 0;
    let shed = 0;
    const inflight = new Set();
    const errorSamples = new Map();
    const noteError = (opIndex, text) => {
      const list = errorSamples.get(opIndex) ?? [];
      if (list.length < 2) list.push(text);
      errorSamples.set(opIndex, list);
    };
    process.stdout.write(`minute  rps    p95 ms  errors  rss MB (${PROCESSES.join('/')})  outbox backlog\n`);
    const flushRow = async () => {
      const sorted = period.ms.sort((a, b) => a - b);
      const seconds = (Date.now() - period.start) / 1000;
      const rss = PROCESSES.map((p) => rssMb(bench.cluster.pidOf(p))).join('/');
      const minute = ((Date.now() - started) / 60_000).toFixed(1);
      process.stdout.write(`${minute.padStart(6)}  ${(period.count / seconds).toFixed(1).padStart(5)}  ${String(Math.round(percentile(sorted, 95))).padStart(6)}  ${String(period.errors).padStart(6)}  ${rss.padEnd(32)}  ${await backlog(conn, prefix)}\n`);
      period = { ms: [], errors: 0, count: 0, start: Date.now() };
    };
    let nextRow = started + ROW_SECONDS * 1000;
    for (let i = 0; Date.now() < end; i++) {
      const due = started + i * interval;
      const wait = due - Date.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      if (Date.now() >= nextRow) { nextRow += ROW_SECONDS * 1000; await flushRow(); }
      const op = ops[i % ops.length](i);
      const t0 = performance.now();
      const opIndex = i % ops.length;
      const p = post(bench.url, op.body, { authorization: `Bearer ${op.token}` })
        .then((r) => {
          // 429/503 (with Retry-After) are the gateway refusing fast on purpose: shed, not an error.
          if (r.status === 429 || r.status === 503) { shed += 1; if (op.receipt) failedReceipts += 1; return true; }
          const ok = r.status === 200 && !r.body.errors?.length;
          if (!ok) noteError(opIndex, `${r.status} ${JSON.stringify(r.body.errors?.[0] ?? r.body).slice(0, 240)}`);
          return ok;
        }, (e) => { noteError(opIndex, String(e?.cause ?? e)); return false; })
        .then((ok) => {
          period.ms.push(performance.now() - t0);
          period.count += 1;
          total += 1;
          if (!ok) { period.errors += 1; totalErrors += 1; if (op.receipt) failedReceipts += 1; }
        });
      inflight.add(p);
      p.finally(() => inflight.delete(p));
    }
    await Promise.all(inflight);
    if (period.count) await flushRow();
    for (const [opIndex, samples] of errorSamples) process.stdout.write(`errors in op ${opIndex}: ${samples.join(' | ')}\n`);

    // Drain, then check exactly-once: every sell-through event the dealers outbox published was
    // handled once by the points ledger, and the points moved by exactly one per accepted receipt.
    const deadline = Date.now() + 120_000;
    while ((await backlog(conn, prefix)) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1000));
    await new Promise((r) => setTimeout(r, 3000));
    const [pub] = await conn.query(`SELECT id FROM \`${prefix}dealers\`.outbox_event WHERE topic = 'dealers.sell-through-recorded.v1' AND publishedAt IS NOT NULL`);
    const [inbox] = await conn.query(`SELECT eventId FROM \`${prefix}incentives\`.inbox_record WHERE topic = 'dealers.sell-through-recorded.v1' AND consumer LIKE '%points-ledger%'`);
    const consumed = new Map();
    for (const r of inbox) consumed.set(r.eventId, (consumed.get(r.eventId) ?? 0) + 1);
    const published = pub.map((r) => r.id);
    const lost = published.filter((id) => !consumed.has(id)).length;
    const duplicates = [...consumed.values()].filter((n) => n > 1).length;
    const pointsAfter = await Promise.all(dealers.map((d) => points(d.token)));
    const credited = pointsAfter.reduce((s, v, i) => s + v - pointsBefore[i], 0);
    const accepted = receipts - failedReceipts;
    process.stdout.write(`points credited ${credited} for ${accepted} accepted receipts (1 point each)\n`);
    const summary = { minutes: MINUTES, requests: total, errors: totalErrors, shed, published: published.length, consumed: consumed.size, duplicates, lost, credited, accepted };
    if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    process.stdout.write(`soak: ${MINUTES} min, ${total} requests, errors ${totalErrors}, shed ${shed}, events published ${published.length}, consumed ${consumed.size}, duplicates ${duplicates}, lost ${lost}\n`);
  } finally {
    await conn.end();
    await bench.stop();
    await kafka.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`soak failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
