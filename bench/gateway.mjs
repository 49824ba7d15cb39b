// `npm run bench:gateway` (issue 10 item 2): the same four subgraphs (production mode: one process
// each, MariaDB, demo data) behind (1) Lianxiao's gateway, (2) @graphql-hive/gateway as the peer,
// on the same static supergraph and the same query mix, and (3) the subgraphs called directly with
// the fetches the query plan makes (the floor). Load comes from a separate process at a fixed
// arrival rate (open loop). Each gateway's knee = highest rate with p95 < 200 ms and no errors.
// Last line: `gateway: lianxiao K1 rps, hive K2 rps, ratio K1/K2, overhead p95 O ms at 50% of knee`.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { ROOT } from '../tools/start/ensure-built.mjs';
import { freePort } from '../tools/test/test-stack.mjs';
import { benchCallers, findKnees, loadStep, post, startBenchCluster, warmUp } from './lib/bench-cluster.mjs';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 8);
const RATES = (process.env.BENCH_RATES ?? '20,25,30,35,40,45,50,60,70,80,100,150,200,300').split(',').map(Number);
const P95_LIMIT_MS = 200;
const OVERHEAD_ROUNDS = Number(process.env.BENCH_OVERHEAD_ROUNDS ?? 3);

function log(line) { process.stderr.write(`${line}\n`); }

async function main() {
  const { signGatewayAssertion } = require(path.join(ROOT, 'libs/platform/dist/index.js'));
  // The peer has no rate limiter and no load shedder: lift ours out of the way for the knee search.
  const bench = await startBenchCluster({ env: { RATE_LIMIT_PER_MINUTE: '10000000', GATEWAY_MAX_IN_FLIGHT: '100000', GATEWAY_MIN_CONCURRENCY: '100000' } });
  const { cluster, settings, token, mix } = bench;
  const cleanups = [() => bench.stop()];
  try {
    const lianxiaoUrl = bench.url;
    const { callers, bearerHeaders } = benchCallers(bench);
    log(`  load from ${callers.length} users (BENCH_USERS)`);
    const internalSecret = settings.internalSecret;

    // The peer: Hive Gateway on the same supergraph, subgraph URLs pointed at the same processes.
    const urlOf = { customers: cluster.portOf('customers'), orders: cluster.portOf('orders'), dealers: cluster.portOf('dealers'), incentives: cluster.portOf('incentives'), identity: settings.basePort };
    const supergraph = fs.readFileSync(path.join(ROOT, 'gateway/supergraph.graphql'), 'utf8')
      .replace(/@join__graph\(name: "(\w+)", url: "[^"]+"\)/g, (_, name) => `@join__graph(name: "${name}", url: "http://127.0.0.1:${urlOf[name]}/graphql")`);
    const hivePort = await freePort();
    const hive = fork(path.join(HERE, 'lib/hive-gateway-process.mjs'), [], { env: { ...process.env, HIVE_PORT: String(hivePort), SUPERGRAPH_SDL: supergraph }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    cleanups.unshift(() => hive.kill('SIGTERM'));
    await new Promise((resolve, reject) => { hive.once('message', resolve); hive.once('exit', (c) => reject(new Error(`hive gateway exited ${c}`))); });
    const hiveUrl = `http://127.0.0.1:${hivePort}/graphql`;

    // The floor: record the subgraph fetches each query makes through Lianxiao's gateway once.
    const floorPlans = await recordPlans(cluster, settings, mix, token);

    // Assertions for the peer and the floor: the subgraphs trust a signed caller; Hive forwards it.
    const assertionHeaders = () => callers.map((caller) => ({ 'x-lianxiao-caller': signGatewayAssertion({ caller, requestId: 'bench' }, internalSecret, 600) }));
    const check = await post(hiveUrl, mix[1], assertionHeaders()[1 % callers.length]);
    if (check.body?.errors?.length || !check.body?.data) throw new Error(`hive gateway answer: ${JSON.stringify(check.body).slice(0, 300)}`);

    const targets = {
      lianxiao: { kind: 'gateway', url: lianxiaoUrl, headers: bearerHeaders, mix },
      hive: { kind: 'gateway', url: hiveUrl, headers: assertionHeaders, mix },
    };
    // Both gateways warm up first, then step through the rates in turn, so the services' start-up
    // work (seeding follow-ups, the first alert sweep) and JIT do not fall on whichever goes first.
    log('  warm-up: 15 s at 10 rps through each gateway (not counted)');
    await warmUp(targets);
    const { knees } = await findKnees(targets, RATES, STEP_SECONDS, P95_LIMIT_MS, (name, rate, r) =>
      log(`  ${name.padEnd(8)} ${String(rate).padStart(4)} rps offered: served ${r.served}, p50 ${r.p50} ms, p95 ${r.p95} ms, errors ${r.errors}`));
    // Overhead at half the knee: the gateway and the floor in turn, OVERHEAD_ROUNDS times, so a
    // hiccup of the shared machine (a GC, a background flush) in one 8-second window does not decide
    // it; the median p95 of each is compared.
    const half = nearestRate(knees.lianxiao / 2);
    const floorTarget = { kind: 'floor', plans: floorPlans, headers: assertionHeaders };
    const gwP95 = [], floorP95 = [];
    for (let round = 0; round < OVERHEAD_ROUNDS; round++) {
      const gw = await loadStep(targets.lianxiao, half, STEP_SECONDS);
      const floor = await loadStep(floorTarget, half, STEP_SECONDS);
      log(`  overhead round ${round + 1} at ${half} rps: lianxiao p50 ${gw.p50} ms, p95 ${gw.p95} ms, errors ${gw.errors}; floor p50 ${floor.p50} ms, p95 ${floor.p95} ms, errors ${floor.errors}`);
      gwP95.push(gw.p95);
      floorP95.push(floor.p95);
    }
    const overhead = Math.max(0, median(gwP95) - median(floorP95));
    const ratio = knees.hive ? (knees.lianxiao / knees.hive).toFixed(2) : 'n/a';
    process.stdout.write(`gateway: lianxiao ${knees.lianxiao} rps, hive ${knees.hive} rps, ratio ${ratio}, overhead p95 ${overhead.toFixed(1)} ms at 50% of knee\n`);
  } finally {
    for (const c of cleanups) { try { await c(); } catch { /* best effort */ } }
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function nearestRate(x) {
  return Math.max(5, Math.round(x / 5) * 5);
}

/** Runs the Lianxiao gateway's subgraph fetches through a recording proxy to learn each query's plan. */
async function recordPlans(cluster, settings, mix, token) {
  const recorded = [];
  const proxies = [];
  const { SERVICES } = require(path.join(ROOT, 'tools/dist/cluster/cluster-processes.js'));
  // Point a second Lianxiao gateway at recording proxies in front of the same subgraphs.
  const ports = {};
  for (const name of SERVICES) {
    const target = cluster.portOf(name);
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', async () => {
        recorded.push({ url: `http://127.0.0.1:${target}/graphql`, body });
        const upstream = await fetch(`http://127.0.0.1:${target}${req.url}`, { method: req.method, headers: { 'content-type': 'application/json', 'x-lianxiao-caller': req.headers['x-lianxiao-caller'] ?? '' }, body });
        res.writeHead(upstream.status, { 'content-type': 'application/json' });
        res.end(await upstream.text());
      });
    });
    ports[name] = await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
    proxies.push(server);
  }
  // The recording gateway is Lianxiao's own query planner: same supergraph, proxied URLs.
  const { buildRecordingGateway } = await import('./lib/recording-gateway.mjs');
  const plans = [];
  const gw = await buildRecordingGateway(ports, settings);
  try {
    for (const op of mix) {
      recorded.length = 0;
      const answer = await post(gw.url, op, { authorization: `Bearer ${token}` });
      if (answer.body.errors?.length) throw new Error(`recording: ${JSON.stringify(answer.body.errors).slice(0, 200)}`);
      // Identity lives in the gateway process; its fetches are part of the floor too (not proxied: add directly).
      plans.push(recorded.map((r) => ({ ...r })));
    }
  } finally {
    await gw.close();
    for (const p of proxies) p.close();
  }
  return plans;
}

main().catch((error) => {
  process.stderr.write(`bench:gateway failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
