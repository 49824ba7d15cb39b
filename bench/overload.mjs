// `npm run bench:overload` (issue 11 item 2): the production-mode cluster's gateway at twice its
// knee. Every request must be answered within 1 s — served, or refused fast with 429/503 and
// Retry-After — memory must stay bounded, and latency must return to normal after the load stops.
// Prints: overload: offered R rps, served S, shed D, slow (>1s) L, errors E, rss before/after B/A MB
// The knee comes from BENCH_KNEE or a quick search (p95 < 200 ms, no errors).
import os from 'node:os';
import { benchCallers, findKnee, loadStep, rssMb, startBenchCluster, warmUp } from './lib/bench-cluster.mjs';

const SECONDS = Number(process.env.BENCH_OVERLOAD_SECONDS ?? 20);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 6);

function log(line) { process.stderr.write(`${line}\n`); }

/**
 * The gateway gets its own share of CPU, as in a deployment (infra/k8s/gateway.yaml requests it):
 * here all six processes and MariaDB share two cores, and a gateway starved by its own subgraphs
 * leaves requests unread in the kernel's accept queue and socket buffers, where no admission
 * control can see them. BENCH_GATEWAY_NICE (default -10; `off` keeps the default priority).
 */
function raiseGatewayPriority(pid) {
  const nice = process.env.BENCH_GATEWAY_NICE ?? '-10';
  if (nice === 'off' || !pid) return log('  gateway priority: default (shares the two cores with the subgraphs and MariaDB)');
  try {
    os.setPriority(pid, Number(nice));
    log(`  gateway priority: nice ${nice} (its own CPU share, as a deployment gives it)`);
  } catch (error) {
    log(`  gateway priority: default (cannot set nice ${nice}: ${error.code ?? error.message})`);
  }
}

async function main() {
  // Lift the per-user rate limit so the load shedder is what is measured.
  const bench = await startBenchCluster({ env: { RATE_LIMIT_PER_MINUTE: '10000000' } });
  try {
    raiseGatewayPriority(bench.cluster.pidOf('gateway'));
    const { callers, bearerHeaders } = benchCallers(bench);
    log(`  load from ${callers.length} users (BENCH_USERS)`);
    const target = { kind: 'gateway', url: bench.url, headers: bearerHeaders, mix: bench.mix };
    // JIT, pools and the services' start-up work settle first, as in bench:gateway.
    log('  warm-up: 15 s at 10 rps (not counted)');
    await warmUp({ target });
    let knee = Number(process.env.BENCH_KNEE ?? 0);
    if (!knee) {
      ({ knee } = await findKnee(target, [20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 100, 150, 200, 300], STEP_SECONDS, 200, (rate, r) => log(`  knee search ${rate} rps: p95 ${r.p95} ms, errors ${r.errors}, shed ${r.shed}`)));
      knee = Math.max(knee, 25);
    }
    const gatewayPid = bench.cluster.pidOf('gateway');
    const baseline = await loadStep(target, Math.max(5, Math.round(knee / 4)), STEP_SECONDS);
    const rssBefore = rssMb(gatewayPid);
    const offered = knee * 2;
    log(`  knee ${knee} rps; offering ${offered} rps for ${SECONDS} s…`);
    const over = await loadStep(target, offered, SECONDS);
    const rssAfter = rssMb(gatewayPid);
    const after = await loadStep(target, Math.max(5, Math.round(knee / 4)), STEP_SECONDS);
    log(`  before: p95 ${baseline.p95} ms at ${Math.round(knee / 4)} rps; during: p95 ${over.p95} ms, max ${over.max} ms; after: p95 ${after.p95} ms, errors ${after.errors}`);
    process.stdout.write(`overload: offered ${offered} rps, served ${over.served}, shed ${over.shed}, slow (>1s) ${over.slow}, errors ${over.errors}, rss before/after ${rssBefore}/${rssAfter} MB\n`);
  } finally {
    await bench.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`bench:overload failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
