import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway } from '@apollo/gateway';
import {
  createLogger,
  formatGraphQLError,
  graphqlMetricsPlugin,
  graphqlRequestSpanMiddleware,
  graphqlTracingPlugin,
  httpMetricsMiddleware,
  metricsRequestHandler,
  PortInUseError,
  traceContextMiddleware,
} from '@lianxiao/platform';
import type { GatewayConfig } from '../config/gateway-config';
import { CallerForwardingDataSource } from './caller-forwarding.data-source';
import { GatewayContext, gatewayContextFactory, sqlStatementReportPlugin } from './gateway-context';
import { verifyAccessToken } from '../identity/auth/access-token';
import { ExternalAuthenticator } from './oidc/external-authenticator';
import { loadOidcConfig, type OidcConfig } from './oidc/oidc-config';
import { trustedDocumentsGuard } from './persisted-documents/trusted-documents-guard';
import { reportRouter, scheduleWeeklyReport } from '../reports';
import {
  armorProtection,
  batchLimitMiddleware,
  bodyErrorHandler,
  loadGraphQLLimits,
  loadShedderMiddleware,
  loadSheddingLimits,
  loadRateLimits,
  maxRootFieldsPlugin,
  rateLimitMiddleware,
  TokenBucketLimiter,
  tokenLimitMiddleware,
  withLimitCodes,
} from './hardening';

export const SUPERGRAPH_PATH = path.resolve(__dirname, '../../supergraph.graphql');

export interface GatewayServer {
  url: string;
  graphqlUrl: string;
  close(): Promise<void>;
}

export interface GatewayServerOptions {
  config: GatewayConfig;
  /** Where the identity subgraph listens (in-process in both run modes). */
  identityUrl: string;
  supergraphSdl?: string;
  /** External OIDC issuer; undefined → from the environment (OIDC_ISSUER …), null → none. */
  oidc?: OidcConfig | null;
}

/** The public endpoint: /graphql (federated), /health, and the built portal with SPA fallback. */
export async function startGatewayServer({ config, identityUrl, supergraphSdl, oidc: oidcOption }: GatewayServerOptions): Promise<GatewayServer> {
  const logger = createLogger('gateway', process.env.LOG_LEVEL);
  const urls: Record<string, string> = { ...config.subgraphUrls, identity: identityUrl };
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphSdl ?? fs.readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name, url }) => new CallerForwardingDataSource(urls[name] ?? url ?? '', config.internalSecret, name),
    logger: { debug: () => undefined, info: (m) => logger.info(String(m)), warn: (m) => logger.warn(String(m)), error: (m) => logger.error(String(m)) },
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(httpMetricsMiddleware('gateway'));
  // Behind a reverse proxy set TRUST_PROXY (hop count, 'true' or a subnet list) so the per-IP rate
  // limit sees the client's address instead of the proxy's.
  const trustProxy = process.env.TRUST_PROXY;
  if (trustProxy) app.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy === 'true' ? true : trustProxy);
  const httpServer = http.createServer(app);
  // Keep idle client connections longer than load balancers and clients do (Node's 5 s default races
  // with clients reusing a connection just as the server closes it: 'other side closed').
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const limits = loadGraphQLLimits();
  const armor = armorProtection<GatewayContext>(limits, config.production);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    // Arrays of more than limits.maxBatch operations are refused in express (BATCH_TOO_LARGE).
    allowBatchedHttpRequests: true,
    validationRules: armor.validationRules,
    formatError: withLimitCodes(formatGraphQLError),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ...armor.plugins, maxRootFieldsPlugin<GatewayContext>(limits.maxRootFields), sqlStatementReportPlugin, graphqlMetricsPlugin<GatewayContext>('gateway'), graphqlTracingPlugin<GatewayContext>()],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  // Prometheus, loopback or METRICS_TOKEN only (docs/operations.md).
  app.get('/metrics', metricsRequestHandler());
  const oidc = oidcOption === undefined ? loadOidcConfig() : oidcOption;
  const external = oidc ? new ExternalAuthenticator(oidc, identityUrl, config.internalSecret) : null;
  if (oidc) logger.info({ issuer: oidc.issuer, audience: oidc.audience }, 'OIDC sign-in enabled');
  const rates = loadRateLimits();
  const userOf = (req: express.Request): string | null => {
    const match = /^Bearer\s+(.+)$/i.exec(req.header('authorization') ?? '');
    if (!match) return null;
    const verified = verifyAccessToken(match[1].trim(), config.jwtSecret);
    return typeof verified === 'string' ? null : verified.userId;
  };
  const shedder = loadShedderMiddleware(loadSheddingLimits());
  httpServer.once('close', () => shedder.close());
  app.use(
    '/graphql',
    shedder,
    rateLimitMiddleware({ perUser: new TokenBucketLimiter(rates.perUserPerMinute), perIp: new TokenBucketLimiter(rates.perIpPerMinute), userOf }),
    express.json({ limit: limits.maxBodyBytes }),
    bodyErrorHandler(limits.maxBodyBytes),
    batchLimitMiddleware(limits.maxBatch),
    tokenLimitMiddleware(limits.maxTokens),
    // The caller's traceparent goes on to the subgraphs (as it is with tracing off, through the
    // gateway's spans with it on); the request's span is the parent of planning and fetches.
    traceContextMiddleware(),
    graphqlRequestSpanMiddleware(),
    // Production: only the portal's build-time documents (ADMIN callers excepted); a no-op otherwise.
    trustedDocumentsGuard({ production: config.production, jwtSecret: config.jwtSecret, external }),
    expressMiddleware(apollo, { context: gatewayContextFactory(config.jwtSecret, external) }),
  );

  // Weekly PDF report (issue 9): REST, since a PDF is a file; data through this gateway's /graphql.
  let selfGraphqlUrl = '';
  app.use('/reports', reportRouter({ graphqlUrl: () => selfGraphqlUrl, jwtSecret: config.jwtSecret }));

  if (config.portalDir && fs.existsSync(path.join(config.portalDir, 'index.html'))) {
    const portalDir = config.portalDir;
    app.use(express.static(portalDir, { index: false, maxAge: '1h' }));
    app.get(/^(?!\/graphql|\/health).*/, (_req, res) => {
      res.sendFile(path.join(portalDir, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res.type('text/html').send('<!doctype html><html><body><h1>联销 Lianxiao</h1><p>Portal not built: run <code>npm run build</code>. GraphQL at <a href="/graphql">/graphql</a>.</p></body></html>');
    });
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(config.port, 'PORT') : error),
    );
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as { port: number }).port;
  const url = `http://localhost:${port}/`;
  logger.info({ url }, 'gateway listening');
  selfGraphqlUrl = `http://127.0.0.1:${port}/graphql`;
  const stopWeeklyReport = scheduleWeeklyReport({ graphqlUrl: () => selfGraphqlUrl, jwtSecret: config.jwtSecret });
  return {
    url,
    graphqlUrl: `${url}graphql`,
    close: async () => {
      stopWeeklyReport();
      await apollo.stop();
    },
  };
}
