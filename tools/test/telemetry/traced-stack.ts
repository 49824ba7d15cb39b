import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ClusterProcesses, freePort, ROOT } from '../../src/cluster/cluster-processes';
import { dropDatabases } from '../../src/cluster/cluster-databases';
import { KafkaMockCluster } from '../../src/kafka-mock/kafka-mock-cluster';

/** A stack of the test's own with tracing on, so the stack the other tests share stays untraced. */
export interface TracedStack {
  graphqlUrl: string;
  /** What the spans' database system is: sqlite (embedded) or mariadb (cluster). */
  database: 'sqlite' | 'mariadb';
  /** What carries events: in-process (embedded) or kafka (cluster). */
  messaging: 'in-process' | 'kafka';
  stop(): Promise<void>;
}

/** The test machine is busy: a lagging event loop there is not overload to shed (as in the test runner). */
const LOADED_MACHINE = { GATEWAY_MAX_EVENT_LOOP_DELAY_MS: '10000', GATEWAY_MAX_QUEUE_WAIT_MS: '10000', GATEWAY_MIN_CONCURRENCY: '64' };

/** `npm start` in a child process on fresh SQLite files: gateway in the main thread, subgraphs in worker threads. */
export async function startTracedEmbedded(tracing: Record<string, string>): Promise<TracedStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxiao-traced-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'tools/dist/embedded/embedded-host.js')], {
    env: { ...process.env, ...LOADED_MACHINE, ...tracing, PORT: String(await freePort()), DATA_DIR: dataDir, PORTAL_DIR: path.join(dataDir, 'no-portal'), KAFKA_BROKERS: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const graphqlUrl = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /GraphQL: (http\S+)/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(match[1]);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`the embedded stack exited with code ${child.exitCode}:\n${output.slice(-2000)}`));
      }
    }, 200);
  });
  return {
    graphqlUrl,
    database: 'sqlite',
    messaging: 'in-process',
    stop: async () => {
      if (child.exitCode === null) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await gone;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Production mode: four service processes and the gateway on fresh MariaDB databases, Kafka (librdkafka's mock) of its own. */
export async function startTracedCluster(tracing: Record<string, string>): Promise<TracedStack> {
  const mysqlUrl = (process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/\/$/, '');
  const prefix = `lxtrace_${process.pid}_`;
  const kafka = await KafkaMockCluster.start(1);
  const cluster = new ClusterProcesses({
    mysqlUrl, prefix, gatewayPort: await freePort(), basePort: 40000 + (process.pid % 10000),
    kafkaBrokers: kafka.brokers, seed: true, internalSecret: randomBytes(24).toString('hex'), jwtSecret: randomBytes(24).toString('hex'),
    logLevel: 'error', stdio: 'ignore', env: { ...LOADED_MACHINE, ...tracing },
  });
  const stop = async () => {
    await cluster.stopAll();
    await kafka.stop();
    await dropDatabases(mysqlUrl, prefix);
  };
  try {
    await cluster.startAll();
  } catch (error) {
    await stop();
    throw error;
  }
  return { graphqlUrl: cluster.graphqlUrl, database: 'mariadb', messaging: 'kafka', stop };
}

