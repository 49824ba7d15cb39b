// `npm run soak -- --minutes 60 [--rate 40] [--row-seconds 300]` (issue 11 item 4): the
// production-mode cluster (MariaDB, Kafka peer) under a realistic mix — the director's dashboard,
// reps' customer lists and details, dealers' pages, sell-through receipts (money and events),
// weekly stock uploads, and contracts taken from requirement ticket to signature (engineer, legal,
// rep) — at a fixed arrival rate. Prints a row per period: rps, p95, errors, RSS and V8 heap in
// use per process (heap from each process's /metrics: a leak grows it, a high-water mark only RSS),
// outbox backlog; at the end checks, for every topic and every consumer of it, that each event
// published was consumed exactly once, that points moved by exactly one per accepted receipt and
// that each signed contract reached the scorecard once, and prints
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
const CONTRACT_SPEC = {
  material: 'SUS304 不锈钢', tolerance: '±0.05 mm', surfaceTreatment: '钝化', dimensions: 'M12×60 mm', quantity: 20000,
  hardness: 'HRC 22-28', unitWeight: '58 g', packaging: '纸箱 500 件/箱', certificationStandard: 'RoHS',
  inspectionStandard: 'GB/T 90.1 AQL 1.0', colour: '本色', craftNotes: '螺纹滚压后钝化；首件送检',
};
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(96)]).toString('base64');

/** V8 heap in use (MB) as the process's own /metrics reports it (served to loopback); '?' when unreadable. */
async function heapUsedMb(port) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(5_000) });
    const line = (await res.text()).split('\n').find((l) => l.startsWith('nodejs_heap_size_used_bytes'));
    return line ? String(Math.round(Number(line.split(' ').pop()) / 1048576)) : '?';
  } catch {
    return '?';
  }
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

async function mysql(settings) {
  const url = new URL(settings.mysqlUrl.replace(/^mariadb:/, 'mysql:'));
  return createConnection({ host: url.hostname, port: Number(url.port || 3306), user: url.username || 'root', password: url.password });
}

const SERVICES = ['customers', 'orders', 'dealers', 'incentives'];

/**
 * Exactly-once over the whole backbone: for each consumer (inbox) and each topic it handles, every
 * event of that topic published by any service's outbox must be in its inbox once. Also counts the
 * events published in total and the deliveries recorded.
 */
async function deliveryCheck(conn, prefix) {
  const published = new Map(); // topic -> Set(event id)
  for (const svc of SERVICES) {
    const [rows] = await conn.query(`SELECT id, topic FROM \`${prefix}${svc}\`.outbox_event WHERE publishedAt IS NOT NULL`);
    for (const r of rows) (published.get(r.topic) ?? published.set(r.topic, new Set()).get(r.topic)).add(r.id);
  }
  const perTopic = [];
  let lost = 0, duplicates = 0, deliveries = 0;
  for (const svc of SERVICES) {
    const [rows] = await conn.query(`SELECT consumer, topic, eventId, COUNT(*) AS n FROM \`${prefix}${svc}\`.inbox_record GROUP BY consumer, topic, eventId`);
    const byConsumerTopic = new Map();
    for (const r of rows) {
      const key = `${r.consumer}|${r.topic}`;
      (byConsumerTopic.get(key) ?? byConsumerTopic.set(key, new Map()).get(key)).set(r.eventId, Number(r.n));
    }
    for (const [key, seen] of byConsumerTopic) {
      const [consumer, topic] = key.split('|');
      const sent = published.get(topic) ?? new Set();
      const missing = [...sent].filter((id) => !seen.has(id)).length;
      const twice = [...seen.values()].filter((n) => n > 1).length;
      lost += missing; duplicates += twice; deliveries += seen.size;
      perTopic.push({ svc, consumer, topic, published: sent.size, consumed: seen.size, lost: missing, duplicates: twice });
    }
  }
  // "Published" counts the events of topics someone consumes (the ones this check covers); events of
  // topics without a consumer here (e.g. ERP's own) are reported apart.
  const consumedTopics = new Set(perTopic.map((t) => t.topic));
  const count = (keep) => [...published].filter(([topic]) => keep(topic)).reduce((n, [, ids]) => n + ids.size, 0);
  return { perTopic, published: count((t) => consumedTopics.has(t)), publishedWithoutConsumer: count((t) => !consumedTopics.has(t)), deliveries, lost, duplicates };
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
    // Signing in under load can be shed (503) or rate-limited (429) like any request: wait as
    // Retry-After says and try again, as the portal does.
    const login = async (u) => {
      for (let attempt = 1; ; attempt++) {
        const answer = await post(bench.url, { query: `mutation { login(username: "${u}", password: "lianxiao") { accessToken } }` });
        const token = answer.body?.data?.login?.accessToken;
        if (token) return token;
        const refusedForLoad = answer.status === 429 || answer.status === 503;
        if (!refusedForLoad || attempt >= 20) throw new Error(`login ${u}: HTTP ${answer.status} ${JSON.stringify(answer.body?.errors?.[0]?.extensions?.code ?? answer.body).slice(0, 200)}`);
        await new Promise((r) => setTimeout(r, 1000)); // the gateway's Retry-After is 1 s
      }
    };
    let director = await login('director');
    let rep = await login('rep.east1');
    const dealers = [];
    for (const n of ['05', '06', '07', '08']) dealers.push({ token: await login(`dealer${n}`), n });
    const points = async (token) => (await post(bench.url, { query: '{ me { dealer { id pointsBalance } } }' }, { authorization: `Bearer ${token}` })).body.data?.me?.dealer?.pointsBalance ?? 0;
    const pointsBefore = await Promise.all(dealers.map((d) => points(d.token)));
    let receipts = 0;
    let engineer = await login('engineer');
    let legal = await login('legal');
    // Access tokens last 15 minutes: sign everyone in again every 10, as the portal refreshes its
    // session, so a long soak measures the system rather than expired tokens.
    const renewSessions = async () => {
      [director, rep, engineer, legal] = await Promise.all(['director', 'rep.east1', 'engineer', 'legal'].map(login));
      for (const d of dealers) d.token = await login(`dealer${d.n}`);
    };
    const renew = () => renewSessions().catch((e) => {
      process.stderr.write(`soak: signing in again failed, retrying in 30 s: ${e}\n`);
      setTimeout(renew, 30_000).unref();
    });
    const renewal = setInterval(renew, 10 * 60_000);
    renewal.unref();
    const repCustomers = (await post(bench.url, { query: '{ customers(first: 20) { nodes { id } } }' }, { authorization: `Bearer ${rep}` })).body.data.customers.nodes.map((c) => c.id);
    const signedContracts = [];
    const stockUploads = { sent: 0 };

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
    // Every 20th request, instead of the mix: a dealer's weekly stock sheet (a new version of this
    // week, so an event each time); every 50th, a contract from ticket to signature (5 requests).
    const stockUpload = (i) => {
      const d = dealers[(i / 20) % dealers.length | 0];
      stockUploads.sent += 1;
      const csv = `SKU,数量,批次,仓库\nWJ-001,${100 + (i % 997)},${RUN},主仓\nWJ-002,${40 + (i % 13)},${RUN},主仓\n`;
      return { token: d.token, body: { query: 'mutation($input: UploadStockSheetInput!) { uploadStockSheet(input: $input) { outcome } }', variables: { input: {
        fileBase64: Buffer.from(csv).toString('base64'), fileName: `soak-${i}.csv`, dryRun: false, idempotencyKey: `${RUN}-stock-${i}`,
      } } } };
    };
    // The n-th flow goes to the rep's n-th customer, round the list, as a rep's contracts spread over
    // their accounts (indexing by i, always 49 mod 50, put every contract on two customers, whose
    // lists then carried thousands of contracts in every customer-list answer).
    const contractFlow = (i, n = Math.floor(i / 50)) => [
      () => ({ token: rep, body: { query: 'mutation($input: CreateRequirementTicketInput!) { createRequirementTicket(input: $input) { id } }', variables: { input: {
        customerId: repCustomers[n % repCustomers.length], urgency: 'NORMAL', requestedDeliveryDate: '2027-06-01', submit: true, ...CONTRACT_SPEC } } } }),
      (prev) => ({ token: engineer, body: { query: 'mutation($id: ID!) { approveSpec(ticketId: $id) { id } }', variables: { id: prev.createRequirementTicket.id } }, keep: { ticketId: prev.createRequirementTicket.id } }),
      (prev, kept) => ({ token: legal, body: { query: 'mutation($id: ID!) { approveAgreement(agreementId: $id) { id } }', variables: { id: prev.approveSpec.id } }, keep: { ...kept, agreementId: prev.approveSpec.id } }),
      (_prev, kept) => ({ token: rep, body: { query: 'mutation($input: CreateContractInput!) { createContract(input: $input) { id } }', variables: { input: {
        ticketId: kept.ticketId, agreementId: kept.agreementId, amount: 120000 + (n % 50) * 1000, grossMargin: 0.25, currency: 'CNY', paymentTerms: '30% 预付，70% 发货前付清',
        firstPaymentDueDate: '2027-03-01', lines: [{ sku: 'FL-M12-304', partName: 'M12 法兰螺栓', quantity: 20000 }] } } }, keep: kept }),
      (prev) => ({ token: rep, signs: true, body: { query: 'mutation($id: ID!, $sha: String!, $key: String!) { signContract(contractId: $id, signedScanSha256: $sha, idempotencyKey: $key) { id } }',
        variables: { id: prev.createContract.id, sha: randomBytes(32).toString('hex'), key: `${RUN}-sign-${i}` } } }),
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
    process.stdout.write(`minute  rps    p95 ms  errors  rss MB (${PROCESSES.join('/')})  heap MB (same order)  outbox backlog\n`);
    const flushRow = async (label) => {
      const sorted = period.ms.sort((a, b) => a - b);
      const seconds = (Date.now() - period.start) / 1000;
      const rss = PROCESSES.map((p) => rssMb(bench.cluster.pidOf(p))).join('/');
      const heap = (await Promise.all(PROCESSES.map((p) => heapUsedMb(bench.cluster.portOf(p))))).join('/');
      const minute = label ?? ((Date.now() - started) / 60_000).toFixed(1);
      process.stdout.write(`${minute.padStart(6)}  ${(period.count / seconds).toFixed(1).padStart(5)}  ${String(Math.round(percentile(sorted, 95))).padStart(6)}  ${String(period.errors).padStart(6)}  ${rss.padEnd(32)}  ${heap.padEnd(20)}  ${await backlog(conn, prefix)}\n`);
      period = { ms: [], errors: 0, count: 0, start: Date.now() };
    };
    let nextRow = started + ROW_SECONDS * 1000;
    /** Sends one request and records it; resolves with the data, or null when it failed or was shed. */
    const send = (op, opIndex) => {
      const t0 = performance.now();
      return post(bench.url, op.body, { authorization: `Bearer ${op.token}` })
        .then((r) => {
          // 429/503 (with Retry-After) are the gateway refusing fast on purpose: shed, not an error.
          if (r.status === 429 || r.status === 503) { shed += 1; return { ok: true, data: null }; }
          const ok = r.status === 200 && !r.body.errors?.length;
          if (!ok) noteError(opIndex, `${r.status} ${JSON.stringify(r.body.errors?.[0] ?? r.body).slice(0, 240)}`);
          return { ok, data: ok ? r.body.data : null };
        }, (e) => { noteError(opIndex, String(e?.cause ?? e)); return { ok: false, data: null }; })
        .then((result) => {
          period.ms.push(performance.now() - t0);
          period.count += 1;
          total += 1;
          if (!result.ok) { period.errors += 1; totalErrors += 1; }
          return result;
        });
    };
    const runFlow = async (steps) => {
      let prev = null, kept = {};
      for (const [n, step] of steps.entries()) {
        const op = step(prev, kept);
        const { data } = await send(op, `contract-step-${n + 1}`);
        if (!data) return; // refused or shed: the chain stops, as a user's would
        if (op.signs) signedContracts.push(data.signContract.id);
        prev = data; kept = op.keep ?? kept;
      }
    };
    for (let i = 0; Date.now() < end; i++) {
      const due = started + i * interval;
      const wait = due - Date.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      if (Date.now() >= nextRow) { nextRow += ROW_SECONDS * 1000; await flushRow(); }
      let p;
      if (i % 50 === 49) p = runFlow(contractFlow(i));
      else if (i % 20 === 19) p = send(stockUpload(i), 'stock-upload');
      else {
        const op = ops[i % ops.length](i);
        p = send(op, i % ops.length).then((r) => { if (op.receipt && !(r.ok && r.data)) failedReceipts += 1; });
      }
      inflight.add(p);
      p.finally(() => inflight.delete(p));
    }
    await Promise.all(inflight);
    clearInterval(renewal);
    // The requests still in flight when the time is up, answered after it: their own row.
    if (period.count) await flushRow('tail');
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
    const delivery = await deliveryCheck(conn, prefix);
    for (const t of delivery.perTopic) process.stdout.write(`  ${t.topic.padEnd(36)} → ${t.svc}/${t.consumer}: published ${t.published}, consumed ${t.consumed}, lost ${t.lost}, duplicates ${t.duplicates}\n`);
    const scored = new Map();
    if (signedContracts.length) {
      const [rows] = await conn.query(`SELECT contractId, COUNT(*) AS n FROM \`${prefix}incentives\`.contract_score WHERE contractId IN (?) GROUP BY contractId`, [signedContracts]);
      for (const r of rows) scored.set(r.contractId, Number(r.n));
    }
    const contractsScoredOnce = signedContracts.filter((id) => scored.get(id) === 1).length;
    process.stdout.write(`events on topics without a consumer here: ${delivery.publishedWithoutConsumer}\n`);
    process.stdout.write(`contracts signed ${signedContracts.length}, on the scorecard exactly once ${contractsScoredOnce}; stock sheets sent ${stockUploads.sent}\n`);
    const pointsAfter = await Promise.all(dealers.map((d) => points(d.token)));
    const credited = pointsAfter.reduce((s, v, i) => s + v - pointsBefore[i], 0);
    const accepted = receipts - failedReceipts;
    process.stdout.write(`points credited ${credited} for ${accepted} accepted receipts (1 point each)\n`);
    const summary = {
      minutes: MINUTES, requests: total, errors: totalErrors, shed, published: published.length, consumed: consumed.size, duplicates, lost, credited, accepted,
      allEvents: { published: delivery.published, deliveries: delivery.deliveries, lost: delivery.lost, duplicates: delivery.duplicates },
      contracts: { signed: signedContracts.length, scoredOnce: contractsScoredOnce }, stockSheets: stockUploads.sent,
    };
    if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    process.stdout.write(`soak: ${MINUTES} min, ${total} requests, errors ${totalErrors}, shed ${shed}, events published ${delivery.published}, consumed ${delivery.deliveries}, duplicates ${delivery.duplicates + duplicates}, lost ${delivery.lost + lost}\n`);
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
