import * as path from 'node:path';
import { ConfigError, DEV_INTERNAL_SECRET, envReader, validateDatabaseUrl } from '@lianxiao/platform';

export interface GatewayConfig {
  host: string;
  port: number;
  identityPort: number;
  subgraphUrls: Record<'customers' | 'orders' | 'dealers' | 'incentives', string>;
  internalSecret: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  portalDir: string | null;
  identityDatabaseUrl: string;
  production: boolean;
}

export const SUBGRAPH_NAMES = ['customers', 'orders', 'dealers', 'incentives'] as const;
const DEFAULT_PORTS = { customers: 4001, orders: 4002, dealers: 4003, incentives: 4004 } as const;

export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const read = envReader(env);
  const production = read.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development') === 'production';
  const dataDir = path.resolve(read.string('DATA_DIR', './data'));
  const subgraphUrls = {} as GatewayConfig['subgraphUrls'];
  for (const name of SUBGRAPH_NAMES) {
    const variable = `${name.toUpperCase()}_URL`;
    const url = read.string(variable, `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`);
    if (!/^https?:\/\/.+/.test(url)) throw new ConfigError(variable, `must be an http(s) URL, got "${url}"`);
    subgraphUrls[name] = url;
  }
  const jwtSecret = read.string('JWT_SECRET', production ? undefined : 'lianxiao-embedded-jwt-secret-change-me');
  if (jwtSecret.length < 16) throw new ConfigError('JWT_SECRET', 'must be at least 16 characters');
  const internalSecret = read.string('INTERNAL_SECRET', production ? undefined : DEV_INTERNAL_SECRET);
  if (internalSecret.length < 16) throw new ConfigError('INTERNAL_SECRET', 'must be at least 16 characters');
  const portalDir = read.optional('PORTAL_DIR') ?? null;
  return {
    host: read.string('HOST', '0.0.0.0'),
    port: read.port('PORT', 3000),
    identityPort: read.port('IDENTITY_PORT', 4000),
    subgraphUrls,
    internalSecret,
    jwtSecret,
    accessTokenTtlSeconds: read.int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
    portalDir: portalDir ? path.resolve(portalDir) : null,
    identityDatabaseUrl: validateDatabaseUrl('DATABASE_URL', read.string('DATABASE_URL', `sqlite:${path.join(dataDir, 'identity.sqlite')}`)),
    production,
  };
}
