import { ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';

/**
 * librdkafka's mock cluster with broker down/up controls (../shared/tools/kafka-mock), run as a
 * child process of a test or a benchmark (bench/events.mjs loads the built copy from tools/dist).
 * A missing binary is built; failing that, the caller fails (never skips).
 */
export function kafkaMockBinary(): string {
  const fromEnv = process.env.KAFKA_MOCK_BIN;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`KAFKA_MOCK_BIN=${fromEnv} does not exist`);
    return fromEnv;
  }
  const dir = path.join(os.tmpdir(), 'kafka-mock-bin');
  const binary = path.join(dir, 'kafka-mock');
  if (fs.existsSync(binary)) return binary;
  const candidates = process.env.KAFKA_MOCK_BUILD ? [process.env.KAFKA_MOCK_BUILD] : buildScriptCandidates();
  const script = candidates.find((candidate) => fs.existsSync(candidate));
  if (!script) throw new Error(`kafka-mock build script not found at ${candidates.join(', ')} (set KAFKA_MOCK_BUILD or KAFKA_MOCK_BIN)`);
  try {
    execFileSync(script, [dir], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`cannot build kafka-mock with ${script} (needs librdkafka-dev and gcc): ${stderr || String(error)}`);
  }
  if (!fs.existsSync(binary)) throw new Error(`kafka-mock build did not produce ${binary}`);
  return binary;
}

/**
 * Where `shared/tools/kafka-mock/build` may be: beside the checkout or beside any folder above it
 * (a clone in /tmp/x has no ../shared), then the workplace's own copy.
 */
function buildScriptCandidates(): string[] {
  const found: string[] = [];
  for (let dir = path.resolve(__dirname, '../../..'); ; dir = path.dirname(dir)) {
    found.push(path.join(dir, '..', 'shared/tools/kafka-mock/build'));
    if (path.dirname(dir) === dir) break;
  }
  found.push('/work/shared/tools/kafka-mock/build');
  return [...new Set(found.map((candidate) => path.resolve(candidate)))];
}

export class KafkaMockCluster {
  private readonly answers: ((line: string) => void)[] = [];
  private pending: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly brokers: string[],
    lines: readline.Interface,
  ) {
    lines.on('line', (line) => this.answers.shift()?.(line));
  }

  static async start(brokerCount = 3): Promise<KafkaMockCluster> {
    const child = spawn(kafkaMockBinary(), [String(brokerCount)], { stdio: ['pipe', 'pipe', 'pipe'] });
    const lines = readline.createInterface({ input: child.stdout });
    const bootstrap = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('kafka-mock did not print bootstrap.servers within 10 s')), 10_000);
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`kafka-mock exited with ${code}`)));
      lines.once('line', (line) => {
        clearTimeout(timer);
        const match = /^bootstrap\.servers=(.+)$/.exec(line.trim());
        if (match) resolve(match[1]);
        else reject(new Error(`unexpected first line from kafka-mock: ${line}`));
      });
    });
    child.removeAllListeners('exit');
    return new KafkaMockCluster(child, bootstrap.split(','), lines);
  }

  /** Sends one command (`down 1`, `topic T 3 3`, …) and resolves on `ok`. */
  command(command: string): Promise<void> {
    const run = this.pending.then(
      () =>
        new Promise<void>((resolve, reject) => {
          this.answers.push((line) => (line.trim() === 'ok' ? resolve() : reject(new Error(`kafka-mock "${command}": ${line}`))));
          this.child.stdin.write(`${command}\n`);
        }),
    );
    this.pending = run.catch(() => undefined);
    return run;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end('quit\n');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
