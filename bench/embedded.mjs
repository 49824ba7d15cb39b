// `npm run bench:embedded`: cold start of the embedded default on a fresh data directory (demo
// seeding included, build excluded) and its resident memory after a warm-up of portal queries.
// Prints: embedded: cold start S s, rss M MB
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, ROOT } from '../tools/start/ensure-built.mjs';
import { freePort, waitForLine } from '../tools/test/test-stack.mjs';

ensureBuilt();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxiao-bench-embedded-'));
const port = await freePort();
const log = path.join(dataDir, 'embedded.log');
const fd = fs.openSync(log, 'w');
const t0 = process.hrtime.bigint();
const child = spawn(process.execPath, [path.join(ROOT, 'tools/dist/embedded/embedded-host.js')], {
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir }, stdio: ['ignore', fd, fd],
});
try {
  await waitForLine(log, /GraphQL: http/, child, 120_000);
  const coldSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const url = `http://localhost:${port}/graphql`;
  const post = (query, token) => fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  }).then((r) => r.json());
  const login = await post('mutation { login(username: "director", password: "lianxiao") { accessToken } }');
  const token = login.data.login.accessToken;
  for (let i = 0; i < 50; i++) {
    await post('{ dealers(first: 50) { totalCount nodes { code pointsBalance } } customers(first: 50) { totalCount nodes { id name contracts { number } } } }', token);
  }
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssMb = Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
  process.stdout.write(`embedded: cold start ${coldSeconds.toFixed(1)} s, rss ${rssMb} MB\n`);
} finally {
  child.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
