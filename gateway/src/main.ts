import { describeStartupFailure, loadServiceConfig, rootLogger, startDescribedSubgraph, startTelemetry } from '@lianxiao/platform';
import { identitySubgraph } from './identity/identity-app.module';
import { loadGatewayConfig } from './config/gateway-config';
import { startGatewayServer } from './server/gateway-server';

/** Production mode: the identity subgraph on a loopback port, then the public gateway. */
async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const identityConfig = loadServiceConfig('identity', config.identityPort, { ...process.env, PORT: String(config.identityPort), HOST: '127.0.0.1' });
  const identity = await startDescribedSubgraph(identitySubgraph, identityConfig);
  await startGatewayServer({ config, identityUrl: identity.url });
}

startTelemetry('gateway');
main().catch((error: unknown) => {
  const line = describeStartupFailure(error);
  if (line) process.stderr.write(line + '\n');
  else rootLogger().fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
});
