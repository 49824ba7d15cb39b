// `npm run bench:funnel` (issue 9): 100,000 customers and 2,000,000 follow-ups in MariaDB (the
// seeded generator in bench/lib/dataset), the four services + gateway in production mode, then
// the dashboard's funnel + heatmap query through the gateway against the same SQL run directly,
// and one weekly PDF report. Prints:
//   funnel: gateway p95 G ms, raw SQL p95 S ms, ratio G/S
//   report: pdf T ms
// Env: BENCH_CUSTOMERS (100000), BENCH_FOLLOW_UPS_PER_CUSTOMER (20), BENCH_RUNS (40), MYSQL_URL.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ensureBuilt, ROOT } from '../tools/start/ensure-built.mjs';
import { dropDatabases, freePort } from '../tools/test/test-stack.mjs';
import { seedDataset } from './lib/dataset/index.mjs';

const require = createRequire(import.meta.url);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const FOLLOW_UPS = Number(process.env.BENCH_FOLLOW_UPS_PER_CUSTOMER ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const MYSQL_URL = process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306';

/** What the dashboard asks for: funnel and heatmap share one grouped count in the customers service. */
const QUERY = `{ salesFunnel { total stages { stage count reached conversionToNext averageDaysInStage p90DaysInStage } regionConversions { region stage conversion belowAverage } }
  stageHeatmap(dimension: REGION) { keys cells { stage key count } } }`;
/** The statements the customers service runs for it (director: no scope filter, only the working set: not merged, not archived), for the raw floor. */
const RAW_SQL = [
  'SELECT `Stage`.`code`, `Stage`.`nameZh`, `Stage`.`nameEn`, `Stage`.`sortOrder`, `Stage`.`optional`, `Stage`.`entryConditions`, `Stage`.`exitConditions` FROM `stage` `Stage` ORDER BY `Stage`.`sortOrder` ASC',
  'SELECT `c`.`region` AS `region`, `c`.`industry` AS `industry`, `c`.`stage` AS `stage`, COUNT(*) AS `n` FROM `customer` `c` WHERE `c`.`mergedIntoId` IS NULL AND `c`.`archivedAt` IS NULL GROUP BY `c`.`region`, `c`.`industry`, `c`.`stage`',
  'SELECT `t`.`fromStage` AS `stage`, ROUND(`t`.`daysInPreviousStage`, 0) AS `days`, COUNT(*) AS `n`, SUM(`t`.`daysInPreviousStage`) AS `sum` FROM `stage_transition` `t` GROUP BY `t`.`fromStage`, ROUND(`t`.`daysInPreviousStage`, 0)',
];

// The gateway's load shedder refuses requests while the event loop lags; on a busy 2-core box that
// would measure refusals, not the funnel query.
process.env.GATEWAY_MAX_EVENT_LOOP_DELAY_MS ??= '10000';
process.env.GATEWAY_MAX_QUEUE_WAIT_MS ??= '10000';
process.env.GATEWAY_MIN_CONCURRENCY ??= '64';

const log = (line) => process.stderr.write(`${line}\n`);
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)];

async function post(url, body, headers = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return res.json();
}

async function main() {
  ensureBuilt({ portal: false });
  const { ClusterProcesses } = require(path.join(ROOT, 'tools/dist/cluster/cluster-processes.js'));
  const mysql = require(path.join(ROOT, 'node_modules/mysql2'));
  const prefix = `lxfunnel_${process.pid}_`;
  const cleanups = [() => dropDatabases(prefix)];
  try {
    log(`bench:funnel: generating ${CUSTOMERS} customers × ${FOLLOW_UPS} follow-ups into MariaDB (${prefix}*)…`);
    const data = await seedDataset({ mysqlUrl: MYSQL_URL, prefix, customers: CUSTOMERS, followUpsPerCustomer: FOLLOW_UPS, dealers: 0, log });
    // dealers: 0 — the dealers service seeds its own demo dealers (territories, targets) on start.
    log(`bench:funnel: ${data.customers} customers, ${data.stageTransitions} stage moves, ${data.followUps} follow-ups in ${(data.ms / 1000).toFixed(1)} s`);

    const gatewayPort = await freePort();
    const cluster = new ClusterProcesses({
      mysqlUrl: MYSQL_URL, prefix, gatewayPort, basePort: 32000 + (process.pid % 20000), kafkaBrokers: [], seed: true,
      internalSecret: randomBytes(24).toString('hex'), jwtSecret: randomBytes(24).toString('hex'), logLevel: 'error', stdio: process.env.BENCH_VERBOSE ? 'inherit' : 'ignore',
    });
    cleanups.unshift(() => cluster.stopAll());
    log('bench:funnel: starting 4 services + gateway (production mode)…');
    // Only customers is needed for the funnel; a service another helper has mid-migration must not
    // stop the measurement (the report then leaves that section out with a note).
    const started = await Promise.allSettled(['customers', 'orders', 'dealers', 'incentives'].map((name) => cluster.startService(name)));
    started.forEach((r, i) => { if (r.status === 'rejected') log(`bench:funnel: ${['customers', 'orders', 'dealers', 'incentives'][i]} did not start (${r.reason.message})`); });
    if (started[0].status === 'rejected') throw started[0].reason;
    await cluster.startGateway();
    const url = cluster.graphqlUrl;
    const login = await post(url, { query: 'mutation { login(username: "director", password: "lianxiao") { accessToken } }' });
    const auth = { authorization: `Bearer ${login.data.login.accessToken}` };

    const first = await post(url, { query: QUERY }, auth);
    if (first.errors || first.data.salesFunnel.total !== CUSTOMERS) throw new Error(`funnel answer: ${JSON.stringify(first).slice(0, 300)}`);
    const gateway = [];
    for (let i = 0; i < RUNS + 5; i++) {
      const t = performance.now();
      const answer = await post(url, { query: QUERY }, auth);
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      if (i >= 5) gateway.push(performance.now() - t);
    }

    const pool = mysql.createPool({ uri: `${MYSQL_URL.replace(/^mariadb:/, 'mysql:')}/${prefix}customers`, connectionLimit: 4 });
    cleanups.unshift(() => new Promise((r) => pool.end(r)));
    const run = (sql) => new Promise((resolve, reject) => pool.query(sql, (e, rows) => (e ? reject(e) : resolve(rows))));
    const raw = [];
    for (let i = 0; i < RUNS + 5; i++) {
      const t = performance.now();
      await Promise.all(RAW_SQL.map(run));
      if (i >= 5) raw.push(performance.now() - t);
    }

    const g = p95(gateway);
    const s = p95(raw);
    console.log(`funnel: gateway p95 ${g.toFixed(1)} ms, raw SQL p95 ${s.toFixed(1)} ms, ratio ${(g / s).toFixed(2)}`);

    const reportStarted = performance.now();
    const base = url.replace(/\/graphql$/, '');
    const job = await (await fetch(`${base}/reports/weekly`, { method: 'POST', headers: auth })).json();
    let status = job;
    while (status.status === 'RUNNING') {
      await new Promise((r) => setTimeout(r, 100));
      status = await (await fetch(`${base}/reports/weekly/${job.id}`, { headers: auth })).json();
    }
    if (status.status !== 'DONE') throw new Error(`report ${JSON.stringify(status)}`);
    const pdf = await fetch(`${base}/reports/weekly/${job.id}/pdf`, { headers: auth });
    const bytes = (await pdf.arrayBuffer()).byteLength;
    const reportMs = performance.now() - reportStarted;
    log(`bench:funnel: report ${bytes} bytes, notes: ${status.notes.join(' | ') || 'none'}`);

    console.log(`report: pdf ${reportMs.toFixed(0)} ms`);
  } finally {
    for (const c of cleanups) {
      try {
        await c();
      } catch {
        /* best effort */
      }
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
