import { randomBytes } from 'node:crypto';
import { ConfigError, envReader } from '@lianxiao/platform';
import { ClusterProcesses } from './cluster-processes';

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

  const cluster = new ClusterProcesses({
    mysqlUrl, prefix, gatewayPort, basePort, kafkaBrokers, seed, internalSecret, jwtSecret, logLevel: process.env.LOG_LEVEL ?? 'warn',
  });
  const stop = () => { void cluster.stopAll().then(() => process.exit(0)); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await cluster.startAll();
  cluster.onExit((name, code, signal) => process.stderr.write(`a cluster process exited: ${name} (code ${code}, signal ${signal})\n`));
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
