/**
 * A gateway of a test's own, in the jest process: its identity subgraph on a fresh SQLite file and
 * the public gateway configured as the test needs (production mode, an OIDC issuer). Only identity
 * fields can be queried: the other subgraphs are not started.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadServiceConfig, startDescribedSubgraph } from '@lianxiao/platform';
import { identitySubgraph } from '../../src/identity/identity-app.module';
import { loadGatewayConfig } from '../../src/config/gateway-config';
import { startGatewayServer } from '../../src/server/gateway-server';
import type { OidcConfig } from '../../src/server/oidc/oidc-config';

export interface PrivateGateway {
  graphqlUrl: string;
  post(body: unknown, token?: string): Promise<{ status: number; body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } }>;
  close(): Promise<void>;
}

export async function startPrivateGateway(options: { production?: boolean; oidc?: OidcConfig | null; seedDemo?: boolean } = {}): Promise<PrivateGateway> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxiao-private-gw-'));
  const env = {
    ...process.env, NODE_ENV: 'development', DATA_DIR: dataDir, SEED_DEMO: options.seedDemo ? 'true' : 'false', PORT: '0', HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${path.join(dataDir, 'identity.sqlite')}`, LOG_LEVEL: 'silent',
  };
  // bcrypt seeding and jest itself stall this process's event loop now and then; the load shedder
  // (which would answer 503 OVERLOADED) is not what these tests are about.
  process.env.GATEWAY_MAX_EVENT_LOOP_DELAY_MS ??= '10000';
  process.env.GATEWAY_MAX_QUEUE_WAIT_MS ??= '10000';
  process.env.GATEWAY_MIN_CONCURRENCY ??= '64';
  const identity = await startDescribedSubgraph(identitySubgraph, loadServiceConfig('identity', 0, env));
  const gateway = await startGatewayServer({
    config: { ...loadGatewayConfig(env), port: 0, host: '127.0.0.1', portalDir: null, production: options.production ?? false },
    identityUrl: identity.url,
    oidc: options.oidc ?? null,
  });
  return {
    graphqlUrl: gateway.graphqlUrl,
    post: async (body, token) => {
      const response = await fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    close: async () => {
      await gateway.close();
      await identity.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
