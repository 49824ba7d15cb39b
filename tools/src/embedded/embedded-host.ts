import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { ConfigError, describeStartupFailure, envReader, loadServiceConfig, startDescribedSubgraph, startTelemetry } from '@lianxiao/platform';
import { identitySubgraph, loadGatewayConfig, startGatewayServer } from '@lianxiao/gateway';
import { SUBGRAPH_ORDER } from '../subgraph-registry';
import type { SubgraphWorkerMessage } from './subgraph-worker';

const ROOT = path.resolve(__dirname, '../../..');

/** A secret that survives restarts (signed-in users stay signed in), made on first start. */
function persistentSecret(dataDir: string, file: string): string {
  const full = path.join(dataDir, file);
  if (fs.existsSync(full)) return fs.readFileSync(full, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(full, secret, { mode: 0o600 });
  return secret;
}

/**
 * Each worker is a V8 isolate with its own heap. A young generation of 16 MB instead of V8's
 * default (up to 3 × 16 MB semispaces per isolate) keeps the demo's resident memory down at the
 * cost of more frequent, cheap scavenges; the old generation is left to grow as work needs.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

function startWorker(name: string, env: Record<string, string>): Promise<{ worker: Worker; url: string }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'subgraph-worker.js'), { workerData: { name, env }, resourceLimits: WORKER_LIMITS });
    worker.once('message', (message: SubgraphWorkerMessage) => {
      if (message.kind === 'ready') resolve({ worker, url: message.url });
      else reject(new Error(`${name}: ${message.reason}`));
    });
    worker.once('error', (error) => reject(new Error(`${name}: ${error.message}`)));
  });
}

/**
 * `npm start`: one Node process, the gateway and the identity subgraph in the main thread (as in
 * production, where the gateway process hosts identity) and each business subgraph in a worker
 * thread on a loopback port; SQLite files under DATA_DIR; demo data on first start.
 */
async function main(): Promise<void> {
  const t0 = Date.now();
  const read = envReader();
  const port = read.port('PORT', 3000);
  const dataDir = path.resolve(read.string('DATA_DIR', path.join(ROOT, 'data')));
  const logLevel = read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'warn');
  fs.mkdirSync(dataDir, { recursive: true });
  const firstStart = !fs.existsSync(path.join(dataDir, 'identity.sqlite'));
  const internalSecret = randomBytes(32).toString('base64url');
  const jwtSecret = process.env.JWT_SECRET ?? persistentSecret(dataDir, '.jwt-secret');
  process.env.LOG_LEVEL = logLevel;
  // The identity subgraph in this thread reads its signing secret from the environment.
  process.env.JWT_SECRET = jwtSecret;

  const subgraphEnv = (name: string): Record<string, string> => ({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: `sqlite:${path.join(dataDir, `${name}.sqlite`)}`,
    INTERNAL_SECRET: internalSecret,
    JWT_SECRET: jwtSecret,
    LOG_LEVEL: logLevel,
    SEED_DEMO: 'true',
    NODE_ENV: 'development',
    // Test hooks default to on in the embedded demo; LIANXIAO_TEST_HOOKS=false turns them off.
    ...(process.env.LIANXIAO_TEST_HOOKS !== undefined ? { LIANXIAO_TEST_HOOKS: process.env.LIANXIAO_TEST_HOOKS } : {}),
  });
  const businessSubgraphs = SUBGRAPH_ORDER.filter((name) => name !== 'identity');
  const [identity, ...workers] = await Promise.all([
    startDescribedSubgraph(identitySubgraph, loadServiceConfig('identity', 0, { ...process.env, ...subgraphEnv('identity') })),
    ...businessSubgraphs.map((name) => startWorker(name, subgraphEnv(name))),
  ]);
  const urls: Record<string, string> = Object.fromEntries(businessSubgraphs.map((name, i) => [name, workers[i].url]));
  const config = loadGatewayConfig({
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    INTERNAL_SECRET: internalSecret,
    JWT_SECRET: jwtSecret,
    CUSTOMERS_URL: urls.customers,
    ORDERS_URL: urls.orders,
    DEALERS_URL: urls.dealers,
    INCENTIVES_URL: urls.incentives,
    PORTAL_DIR: process.env.PORTAL_DIR ?? path.join(ROOT, 'portal/dist/browser'),
    NODE_ENV: 'development',
  });
  const server = await startGatewayServer({ config, identityUrl: identity.url });

  const shutdown = async () => {
    await server.close().catch(() => undefined);
    await identity.close().catch(() => undefined);
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());

  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  const lines = [
    '',
    `联销 Lianxiao is ready in ${seconds} s (${firstStart ? 'first start: demo data seeded' : 'existing data reused'}; data in ${dataDir})`,
    `Portal: ${server.url}`,
    `GraphQL: ${server.graphqlUrl}`,
    'Demo logins (password lianxiao): admin, director, supervisor.east, rep.east1, rep.east2, engineer, procurement, production, legal, finance, dealer01 … dealer37',
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

startTelemetry('gateway');
main().catch((error: unknown) => {
  const line = error instanceof ConfigError ? error.message : describeStartupFailure(error);
  process.stderr.write((line ?? (error instanceof Error ? error.message : String(error))) + '\n');
  process.exit(1);
});
