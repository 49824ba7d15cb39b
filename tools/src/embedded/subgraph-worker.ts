import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { describeStartupFailure, loadServiceConfig, startDescribedSubgraph, startTelemetry } from '@lianxiao/platform';
import { loadSubgraph } from '../subgraph-registry';

export interface SubgraphWorkerData {
  name: string;
  env: Record<string, string>;
}

export type SubgraphWorkerMessage = { kind: 'ready'; name: string; url: string } | { kind: 'failed'; name: string; reason: string };

/** One subgraph in its own worker thread: its own module registry, so its own GraphQL schema. */
async function run({ name, env }: SubgraphWorkerData): Promise<void> {
  for (const [key, value] of Object.entries(env)) process.env[key] = value;
  startTelemetry(name);
  const config = loadServiceConfig(name, 0, env);
  const started = await startDescribedSubgraph(loadSubgraph(name), config);
  parentPort?.postMessage({ kind: 'ready', name, url: started.url } satisfies SubgraphWorkerMessage);
  parentPort?.on('message', (message: unknown) => {
    if (message === 'close') void started.close().then(() => process.exit(0));
  });
}

const data = workerData as SubgraphWorkerData;
run(data).catch((error: unknown) => {
  const reason = describeStartupFailure(error) ?? (error instanceof Error ? error.stack ?? error.message : String(error));
  parentPort?.postMessage({ kind: 'failed', name: data.name, reason } satisfies SubgraphWorkerMessage);
});
