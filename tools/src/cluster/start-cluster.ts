import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError, envReader } from '@lianxiao/platform';

const ROOT = path.resolve(__dirname, '../../..');
const SERVICES = ['customers', 'orders', 'dealers', 'incentives'] as const;

async function waitForHealth(url: string, child: ChildProcess, name: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${name} did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}

/**
 * `npm run start:cluster`: production mode on one machine — four service processes and the
 * gateway, each with its own MySQL/MariaDB database (created and migrated on start) and Kafka.
 */
async function main(): Promise<void> {
  const read = envReader();
  const mysqlUrl = read.string('MYSQL_URL', 'mariadb://root@127.0.0.1:3306').replace(/\/$/, '');
  if (!/^(mysql|mariadb):\/\//.test(mysqlUrl)) throw new ConfigError('MYSQL_URL', `must be mysql://user:pass@host:port, got "${mysqlUrl}"`);
  const prefix = read.string('DB_PREFIX', 'lianxiao_');
  const gatewayPort = read.port('PORT', 3000);
  const basePort = read.port('SERVICE_BASE_PORT', 4000);
  const kafkaBrokers = read.list('KAFKA_BROKERS');
  const seed = read.boolean('SEED_DEMO', true);
  const internalSecret = process.env.INTERNAL_SECRET ?? randomBytes(32).toString('base64url');
  const jwtSecret = process.env.JWT_SECRET ?? randomBytes(32).toString('base64url');
  if (!kafkaBrokers.length) process.stderr.write('warning: KAFKA_BROKERS is not set; events stay in the outbox until a broker is configured\n');

  const common = {
    ...process.env,
    INTERNAL_SECRET: internalSecret,
    JWT_SECRET: jwtSecret,
    KAFKA_BROKERS: kafkaBrokers.join(','),
    SEED_DEMO: String(seed),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const children: ChildProcess[] = [];
  const stopAll = () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'));
  process.once('SIGINT', () => { stopAll(); process.exit(0); });
  process.once('SIGTERM', () => { stopAll(); process.exit(0); });

  const urls: Record<string, string> = {};
  await Promise.all(
    SERVICES.map(async (name, i) => {
      const port = basePort + 1 + i;
      const child = spawn(process.execPath, [path.join(ROOT, `services/${name}/dist/main.js`)], {
        env: { ...common, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `${mysqlUrl}/${prefix}${name}` },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      children.push(child);
      await waitForHealth(`http://127.0.0.1:${port}/health`, child, name);
      urls[name] = `http://127.0.0.1:${port}/graphql`;
    }),
  );
  const gateway = spawn(process.execPath, [path.join(ROOT, 'gateway/dist/main.js')], {
    env: {
      ...common,
      PORT: String(gatewayPort),
      IDENTITY_PORT: String(basePort),
      DATABASE_URL: `${mysqlUrl}/${prefix}identity`,
      CUSTOMERS_URL: urls.customers,
      ORDERS_URL: urls.orders,
      DEALERS_URL: urls.dealers,
      INCENTIVES_URL: urls.incentives,
      PORTAL_DIR: process.env.PORTAL_DIR ?? path.join(ROOT, 'portal/dist/browser'),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(gateway);
  await waitForHealth(`http://127.0.0.1:${gatewayPort}/health`, gateway, 'gateway');
  for (const child of children) {
    child.once('exit', (code, signal) => process.stderr.write(`a cluster process exited (code ${code}, signal ${signal})\n`));
  }
  process.stdout.write(
    [
      '',
      `联销 Lianxiao cluster: 4 services + gateway on ${mysqlUrl.replace(/\/\/[^@]*@/, '//')} (${prefix}*)${kafkaBrokers.length ? `, Kafka ${kafkaBrokers.join(',')}` : ''}`,
      `Portal: http://localhost:${gatewayPort}/`,
      `GraphQL: http://localhost:${gatewayPort}/graphql`,
      'Demo logins (password lianxiao): admin, director, supervisor.east, rep.east1, dealer01 … dealer37',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
