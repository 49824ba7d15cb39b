import * as path from 'node:path';
import { ConfigError, envReader } from './env-config';
import { testHooksEnabled } from './test-hooks';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** What every subgraph process needs to run, read once from the environment. */
export interface ServiceConfig {
  serviceName: string;
  host: string;
  port: number;
  /** `sqlite:<file>` (embedded default) or `mysql://user:pass@host:port/db` (production). */
  databaseUrl: string;
  dataDir: string;
  /** Secret the gateway signs the forwarded caller with; subgraphs trust nothing else. */
  internalSecret: string;
  kafkaBrokers: string[];
  logLevel: LogLevel;
  /** Embedded demo seeding on first start. */
  seedDemo: boolean;
  production: boolean;
  /** Test hooks (clock control, simulated external systems) answer; see test-hooks.ts. */
  testHooks: boolean;
}

export const DEV_INTERNAL_SECRET = 'lianxiao-embedded-internal-secret-change-me';

export function validateDatabaseUrl(variable: string, url: string): string {
  if (url.startsWith('sqlite:')) return url;
  if (/^(mysql|mariadb):\/\/[^/]+\/[A-Za-z0-9_]+/.test(url)) return url;
  throw new ConfigError(variable, `must be sqlite:<file> or mysql://user:pass@host:port/database, got "${url}"`);
}

/**
 * Reads a subgraph's configuration. Variables are read with the service prefix first
 * (`CUSTOMERS_DATABASE_URL`) and then unprefixed (`DATABASE_URL`), so one process can host
 * several services (embedded mode) and a container can use the plain names.
 */
export function loadServiceConfig(
  serviceName: string,
  defaultPort: number,
  env: Record<string, string | undefined> = process.env,
): ServiceConfig {
  const prefix = serviceName.toUpperCase().replace(/[^A-Z0-9]/g, '_') + '_';
  const merged: Record<string, string | undefined> = { ...env };
  for (const key of ['PORT', 'HOST', 'DATABASE_URL', 'LOG_LEVEL', 'SEED_DEMO']) {
    if (env[prefix + key] !== undefined) merged[key] = env[prefix + key];
  }
  const read = envReader(merged);
  const production = read.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development') === 'production';
  const dataDir = path.resolve(read.string('DATA_DIR', './data'));
  const databaseUrl = validateDatabaseUrl(
    env[prefix + 'DATABASE_URL'] ? prefix + 'DATABASE_URL' : 'DATABASE_URL',
    read.string('DATABASE_URL', `sqlite:${path.join(dataDir, `${serviceName}.sqlite`)}`),
  );
  const internalSecret = read.string('INTERNAL_SECRET', production ? undefined : DEV_INTERNAL_SECRET);
  if (internalSecret.length < 16) throw new ConfigError('INTERNAL_SECRET', 'must be at least 16 characters');
  return {
    serviceName,
    host: read.string('HOST', '127.0.0.1'),
    port: read.port('PORT', defaultPort),
    databaseUrl,
    dataDir,
    internalSecret,
    kafkaBrokers: read.list('KAFKA_BROKERS'),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    seedDemo: read.boolean('SEED_DEMO', databaseUrl.startsWith('sqlite:')),
    production,
    testHooks: testHooksEnabled(read, databaseUrl, production),
  };
}
