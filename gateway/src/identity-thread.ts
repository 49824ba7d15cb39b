import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { describeStartupFailure, loadServiceConfig, startDescribedSubgraph, startTelemetry } from '@lianxiao/platform';
import { identitySubgraph } from './identity/identity-app.module';

export type IdentityThreadMessage = { kind: 'ready'; url: string } | { kind: 'failed'; reason: string };

/**
 * The identity subgraph on its own thread of the gateway process (production mode): sign-in,
 * users and their entity lookups run beside the gateway's query planning and response merging
 * instead of taking turns with them on one event loop.
 */
async function run({ port }: { port: number }): Promise<void> {
  startTelemetry('identity');
  const config = loadServiceConfig('identity', port, { ...process.env, PORT: String(port), HOST: '127.0.0.1' });
  const started = await startDescribedSubgraph(identitySubgraph, config);
  parentPort?.postMessage({ kind: 'ready', url: started.url } satisfies IdentityThreadMessage);
  parentPort?.on('message', (message: unknown) => {
    if (message === 'close') void started.close().then(() => process.exit(0));
  });
}

run(workerData as { port: number }).catch((error: unknown) => {
  const reason = describeStartupFailure(error) ?? (error instanceof Error ? error.stack ?? error.message : String(error));
  parentPort?.postMessage({ kind: 'failed', reason } satisfies IdentityThreadMessage);
});
