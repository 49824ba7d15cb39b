// The production-mode cluster the gateway benchmarks run against: four subgraph processes and the
// gateway on MariaDB with the demo data, a director's token and the query mix of the portal.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { fork } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, ROOT } from '../../tools/start/ensure-built.mjs';
import { dropDatabases, freePort } from '../../tools/test/test-stack.mjs';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));

export const QUERIES = {
  dashboard: `{ dealers(first: 37) { totalCount nodes { code name pointsBalance } }
    customers(first: 10) { totalCount nodes { id name stage health { score colour } contracts { number amount } } } }`,
  customerList: `{ customers(first: 50) { nodes { id name stage region owner { displayName } health { score colour } contracts { number amount } requirementTickets { id } } } }`,
  customerDetail: `query($id: ID!) { customer(id: $id) { id name creditCode stageName contacts { name phone } owner { displayName }
    health { score colour } contracts { number amount status } followUps(first: 10) { id summary } } }`,
};

export async function post(url, body, headers = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

/** Resident memory of a process in MB (Linux /proc). */
export function rssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

export async function startBenchCluster({ env = {}, kafkaBrokers = [] } = {}) {
  ensureBuilt({ portal: false });
  Object.assign(process.env, env);
  const { ClusterProcesses } = require(path.join(ROOT, 'tools/dist/cluster/cluster-processes.js'));
  const prefix = `lxbench_${process.pid}_`;
  const settings = {
    mysqlUrl: process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306', prefix, gatewayPort: await freePort(), basePort: 31000 + (process.pid % 20000),
    kafkaBrokers, seed: true, internalSecret: randomBytes(24).toString('hex'), jwtSecret: randomBytes(24).toString('hex'), logLevel: 'error', stdio: 'ignore',
  };
  const cluster = new ClusterProcesses(settings);
  process.stderr.write('bench: starting 4 subgraph processes + gateway on MariaDB (demo data)…\n');
  await cluster.startAll();
  const url = cluster.graphqlUrl;
  const login = await post(url, { query: 'mutation { login(username: "director", password: "lianxiao") { accessToken } }' });
  const token = login.body.data.login.accessToken;
  const first = await post(url, { query: '{ customers(first: 1) { nodes { id } } }' }, { authorization: `Bearer ${token}` });
  const customerId = first.body.data.customers.nodes[0].id;
  const mix = [{ query: QUERIES.dashboard }, { query: QUERIES.customerList }, { query: QUERIES.customerDetail, variables: { id: customerId } }];
  return {
    cluster, settings, url, token, mix,
    async stop() {
      await cluster.stopAll();
      await dropDatabases(prefix);
    },
  };
}

/**
 * The load comes from BENCH_USERS users (default 20), as in production, not from one: a gateway that
 * shares identical in-flight subgraph queries (both do, per caller) would otherwise answer most of a
 * one-user load from a few fetches. Each is the director's roles under a user id of its own.
 */
export function benchCallers(bench, count = Number(process.env.BENCH_USERS ?? 20)) {
  const { signAccessToken, verifyAccessToken } = require(path.join(ROOT, 'gateway/dist/identity/auth/access-token.js'));
  const director = verifyAccessToken(bench.token, bench.settings.jwtSecret);
  if (typeof director === 'string') throw new Error(`bench: the director's token is ${director}`);
  const callers = [director];
  for (let i = 1; i < Math.max(1, count); i++) callers.push({ ...director, userId: `${director.userId}-bench-${i}`, username: `${director.username}.bench${i}` });
  const tokens = callers.map((caller, i) => (i === 0 ? bench.token : signAccessToken(caller, bench.settings.jwtSecret, 3600)));
  return { callers, bearerHeaders: () => tokens.map((token) => ({ authorization: `Bearer ${token}` })) };
}

/** One fixed-rate step from a separate load-generator process. */
export function loadStep(target, rate, seconds) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(HERE, 'open-loop-load.mjs'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.once('message', (m) => { resolve(m); child.kill(); });
    child.once('error', reject);
    child.send({ kind: target.kind, url: target.url, mix: target.mix, plans: target.plans, headers: target.headers(), rate, seconds });
  });
}

/** Highest offered rate with p95 under the limit and no errors, stepping through `rates`. */
export async function findKnee(target, rates, seconds, p95LimitMs, report = () => {}) {
  const { knees, byRate } = await findKnees({ target }, rates, seconds, p95LimitMs, (_name, rate, r) => report(rate, r));
  return { knee: knees.target, byRate: byRate.target };
}

/**
 * The knees of several targets, stepped in turn at each rate (A at 25, B at 25, A at 50, …) so that
 * whatever the machine or the subgraphs do in the background weighs on all of them alike. A
 * target stops at the first rate where two tries in a row have p95 over the limit, an error or a shed request.
 */
export async function findKnees(targets, rates, seconds, p95LimitMs, report = () => {}) {
  const knees = Object.fromEntries(Object.keys(targets).map((name) => [name, 0]));
  const byRate = Object.fromEntries(Object.keys(targets).map((name) => [name, {}]));
  const running = new Set(Object.keys(targets));
  for (const rate of rates) {
    for (const name of [...running]) {
      const passes = (r) => r.p95 < p95LimitMs && r.errors === 0 && r.shed === 0;
      let r = await loadStep(targets[name], rate, seconds);
      report(name, rate, r);
      // One step can miss on a hiccup of the shared machine (a GC, a background flush): a rate
      // fails only when a second try misses too. Both gateways get the same second chance.
      if (!passes(r)) {
        r = await loadStep(targets[name], rate, seconds);
        report(name, rate, r);
      }
      byRate[name][rate] = r;
      if (passes(r)) knees[name] = rate;
      else running.delete(name);
    }
    if (!running.size) break;
  }
  return { knees, byRate };
}

/** Load below any knee, discarded: JIT, connection pools, caches and the services' start-up work settle first. */
export async function warmUp(targets, rate = 10, seconds = 15) {
  for (const target of Object.values(targets)) await loadStep(target, rate, seconds);
}
