// Load generator for bench:gateway, run in its own process: sends requests at a fixed arrival rate
// (open loop — a slow answer does not slow the offered load) for `seconds`, cycling through the mix,
// and reports latency percentiles and errors. A "floor" target replays each query's recorded
// subgraph fetches one after another.
function percentile(sorted, p) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function once(job, i, headers) {
  const started = performance.now();
  try {
    if (job.kind === 'floor') {
      for (const fetchSpec of job.plans[i % job.plans.length]) {
        const res = await fetch(fetchSpec.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: fetchSpec.body });
        const body = await res.json();
        if (!res.ok || body.errors?.length) return { ms: performance.now() - started, ok: false };
      }
      return { ms: performance.now() - started, ok: true };
    }
    const op = job.mix[i % job.mix.length];
    const res = await fetch(job.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(op) });
    const body = await res.json().catch(() => null);
    const ms = performance.now() - started;
    // Refused fast on purpose (rate limit or load shedding) with a Retry-After: "shed", not an error.
    if ((res.status === 429 || res.status === 503) && res.headers.get('retry-after')) return { ms, ok: false, shed: true };
    return { ms, ok: res.ok && !body?.errors?.length && !!body?.data };
  } catch {
    return { ms: performance.now() - started, ok: false };
  }
}

process.once('message', async (job) => {
  const total = Math.round(job.rate * job.seconds);
  const interval = 1000 / job.rate;
  const t0 = performance.now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(once(job, i, job.headers));
  }
  const results = await Promise.all(pending);
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
