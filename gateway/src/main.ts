import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describeStartupFailure, loadServiceConfig, rootLogger, startDescribedSubgraph, startTelemetry } from '@lianxiao/platform';
import { identitySubgraph } from './identity/identity-app.module';
import { loadGatewayConfig } from './config/gateway-config';
import { startGatewayServer } from './server/gateway-server';
import type { IdentityThreadMessage } from './identity-thread';

/** The identity subgraph in a worker thread of this process; the gateway exits if that thread dies. */
function startIdentityThread(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'identity-thread.js'), { workerData: { port } });
    worker.once('message', (message: IdentityThreadMessage) => (message.kind === 'ready' ? resolve(message.url) : reject(new Error(message.reason))));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      rootLogger().fatal({ code }, 'the identity thread stopped; the gateway stops with it');
      process.exit(1);
    });
  });
}

/**
 * Production mode: the identity subgraph on a loopback port, then the public gateway. Identity runs
 * on its own thread (IDENTITY_THREAD=worker, the default) or on the gateway's (IDENTITY_THREAD=main).
 */
async function main(): Promise<void> {
  const config = loadGatewayConfig();
  let identityUrl: string;
  if (process.env.IDENTITY_THREAD === 'main') {
    const identityConfig = loadServiceConfig('identity', config.identityPort, { ...process.env, PORT: String(config.identityPort), HOST: '127.0.0.1' });
    identityUrl = (await startDescribedSubgraph(identitySubgraph, identityConfig)).url;
  } else {
    identityUrl = await startIdentityThread(config.identityPort);
  }
  await startGatewayServer({ config, identityUrl });
}

startTelemetry('gateway');
main().catch((error: unknown) => {
  const line = describeStartupFailure(error);
  if (line) process.stderr.write(line + '\n');
  else rootLogger().fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
});
