// Load generator for bench:gateway, run in its own process: sends requests at a fixed arrival rate
// (open loop — a slow answer does not slow the offered load) for `seconds`, cycling through the mix
// and the callers, and reports latency percentiles and errors. A "floor" target replays each
// query's recorded subgraph fetches one after another.
//
// Each caller is a user with a browser's connections: at most BENCH_CONNECTIONS_PER_USER (6, as
// browsers keep per origin over HTTP/1.1) kept-alive connections, shared by that user's requests.
// A request waiting for one of them is timed from when it was due, as a user would time it. An
// unbounded client would open hundreds of connections in a second once answers slow down, and
// measure the kernel's accept queue and SYN retransmits instead of the gateway.
import http from 'node:http';

const CONNECTIONS_PER_USER = Number(process.env.BENCH_CONNECTIONS_PER_USER ?? 6);

function percentile(sorted, p) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** POSTs JSON over the caller's agent; resolves with the status, Retry-After and the parsed body (null if not JSON). */
function postJson(url, body, headers, agent) {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(body);
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': payload.length, ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        let parsed = null;
        try { parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body: parsed });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function once(job, i, caller, started) {
  try {
    if (job.kind === 'floor') {
      for (const fetchSpec of job.plans[i % job.plans.length]) {
        const res = await postJson(fetchSpec.url, fetchSpec.body, caller.headers, caller.agent);
        if (res.status !== 200 || res.body?.errors?.length) return { ms: performance.now() - started, ok: false };
      }
      return { ms: performance.now() - started, ok: true };
    }
    const op = job.mix[i % job.mix.length];
    const res = await postJson(job.url, JSON.stringify(op), caller.headers, caller.agent);
    const ms = performance.now() - started;
    // Refused fast on purpose (rate limit or load shedding) with a Retry-After: "shed", not an error.
    if ((res.status === 429 || res.status === 503) && res.retryAfter) return { ms, ok: false, shed: true };
    return { ms, ok: res.status === 200 && !res.body?.errors?.length && !!res.body?.data };
  } catch {
    return { ms: performance.now() - started, ok: false };
  }
}

process.once('message', async (job) => {
  // One caller or several (an array of header sets, taken in turn: many users, as in production).
  const headerSets = Array.isArray(job.headers) ? job.headers : [job.headers];
  const callers = headerSets.map((headers) => ({ headers, agent: new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS_PER_USER }) }));
  const total = Math.round(job.rate * job.seconds);
  const interval = 1000 / job.rate;
  const t0 = performance.now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(once(job, i, callers[i % callers.length], due));
  }
  const results = await Promise.all(pending);
  for (const caller of callers) caller.agent.destroy();
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  process.send({
    count: results.length,
    errors: results.filter((r) => !r.ok && !r.shed).length,
    served: results.filter((r) => r.ok).length,
    shed: results.filter((r) => r.shed).length,
    slow: results.filter((r) => r.ms > 1000).length,
    max: Math.round(ms[ms.length - 1] ?? 0),
    p50: Math.round(percentile(ms, 50) * 10) / 10,
    p95: Math.round(percentile(ms, 95) * 10) / 10,
    p99: Math.round(percentile(ms, 99) * 10) / 10,
  });
});
