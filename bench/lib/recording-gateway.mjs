// A second Lianxiao gateway process whose subgraph URLs point at recording proxies: the query
// planner is the product's own, so the recorded fetches are exactly what a query costs the subgraphs.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../tools/start/ensure-built.mjs';
import { freePort } from '../../tools/test/test-stack.mjs';

export async function buildRecordingGateway(ports, s) {
  const port = await freePort();
  const identityPort = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'gateway/dist/main.js')], {
    env: {
      ...process.env, PORT: String(port), IDENTITY_PORT: String(identityPort), INTERNAL_SECRET: s.internalSecret, JWT_SECRET: s.jwtSecret,
      DATABASE_URL: `${s.mysqlUrl}/${s.prefix}identity`, SEED_DEMO: 'false', LOG_LEVEL: 'error',
      CUSTOMERS_URL: `http://127.0.0.1:${ports.customers}/graphql`, ORDERS_URL: `http://127.0.0.1:${ports.orders}/graphql`,
      DEALERS_URL: `http://127.0.0.1:${ports.dealers}/graphql`, INCENTIVES_URL: `http://127.0.0.1:${ports.incentives}/graphql`,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try { if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break; } catch { /* starting */ }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('recording gateway did not start');
    await new Promise((r) => setTimeout(r, 300));
  }
  return { url: `http://127.0.0.1:${port}/graphql`, close: async () => { child.kill('SIGTERM'); } };
}
