import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import * as net from 'node:net';

export const ROOT = path.resolve(__dirname, '../../..');
export const SERVICES = ['customers', 'orders', 'dealers', 'incentives'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface ClusterSettings {
  mysqlUrl: string;
  prefix: string;
  gatewayPort: number;
  basePort: number;
  kafkaBrokers: string[];
  seed: boolean;
  internalSecret: string;
  jwtSecret: string;
  logLevel: string;
  /** stdio of the children: inherit for `npm run start:cluster`, ignore in tests. */
  stdio?: 'inherit' | 'ignore';
  portalDir?: string;
  /** Extra environment of every process (a test's OTEL_* settings), over this process's own. */
  env?: Record<string, string>;
  /**
   * How long a process may take to answer /health (default 300 s; a crash ends the wait at once). A first start seeds the demo
   * data; four services doing that at once on a busy 2-core machine can take longer.
   */
  healthTimeoutMs?: number;
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForHealth(url: string, child: ChildProcess, name: string, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited with code ${child.exitCode ?? child.signalCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${name} did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}

/**
 * Production mode on one machine: four service processes and the gateway, each with its own
 * MySQL/MariaDB database (created and migrated on start). Each process can be killed and started
 * again on the same port and database — what the restart tests do.
 */
export class ClusterProcesses {
  private readonly children = new Map<ServiceName | 'gateway', ChildProcess>();

  constructor(private readonly settings: ClusterSettings) {}

  portOf(name: ServiceName | 'gateway'): number {
    return name === 'gateway' ? this.settings.gatewayPort : this.settings.basePort + 1 + SERVICES.indexOf(name);
  }

  /** The operating-system process id of a running process (for RSS readings in benchmarks). */
  pidOf(name: ServiceName | 'gateway'): number | undefined {
    return this.children.get(name)?.pid;
  }

  get graphqlUrl(): string {
    return `http://127.0.0.1:${this.settings.gatewayPort}/graphql`;
  }

  private commonEnv(): NodeJS.ProcessEnv {
    const s = this.settings;
    return {
      ...process.env,
      ...s.env,
      INTERNAL_SECRET: s.internalSecret,
      JWT_SECRET: s.jwtSecret,
      KAFKA_BROKERS: s.kafkaBrokers.join(','),
      SEED_DEMO: String(s.seed),
      LOG_LEVEL: s.logLevel,
    };
  }

  async startService(name: ServiceName): Promise<void> {
    const port = this.portOf(name);
    const child = spawn(process.execPath, [path.join(ROOT, `services/${name}/dist/main.js`)], {
      env: { ...this.commonEnv(), PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `${this.settings.mysqlUrl}/${this.settings.prefix}${name}` },
      stdio: ['ignore', this.settings.stdio ?? 'inherit', this.settings.stdio ?? 'inherit'],
    });
    this.children.set(name, child);
    await waitForHealth(`http://127.0.0.1:${port}/health`, child, name, this.settings.healthTimeoutMs);
  }

  async startGateway(): Promise<void> {
    const s = this.settings;
    const url = (name: ServiceName) => `http://127.0.0.1:${this.portOf(name)}/graphql`;
    const child = spawn(process.execPath, [path.join(ROOT, 'gateway/dist/main.js')], {
      env: {
        ...this.commonEnv(),
        PORT: String(s.gatewayPort),
        IDENTITY_PORT: String(s.basePort),
        DATABASE_URL: `${s.mysqlUrl}/${s.prefix}identity`,
        CUSTOMERS_URL: url('customers'),
        ORDERS_URL: url('orders'),
        DEALERS_URL: url('dealers'),
        INCENTIVES_URL: url('incentives'),
        PORTAL_DIR: s.portalDir ?? path.join(ROOT, 'portal/dist/browser'),
      },
      stdio: ['ignore', s.stdio ?? 'inherit', s.stdio ?? 'inherit'],
    });
    this.children.set('gateway', child);
    await waitForHealth(`http://127.0.0.1:${s.gatewayPort}/health`, child, 'gateway', s.healthTimeoutMs);
  }

  async startAll(): Promise<void> {
    await Promise.all(SERVICES.map((name) => this.startService(name)));
    await this.startGateway();
  }

  /** Kills a process with `signal` (SIGKILL: no shutdown hooks, like a crash) and waits for it to be gone. */
  async kill(name: ServiceName | 'gateway', signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.children.get(name);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await gone;
  }

  async restart(name: ServiceName): Promise<void> {
    await this.kill(name);
    await this.startService(name);
  }

  onExit(listener: (name: string, code: number | null, signal: NodeJS.Signals | null) => void): void {
    for (const [name, child] of this.children) child.once('exit', (code, signal) => listener(name, code, signal));
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.children.keys()].map((name) => this.kill(name, 'SIGTERM')));
  }
}
