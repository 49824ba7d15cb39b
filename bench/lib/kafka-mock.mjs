// librdkafka's mock cluster with broker down/up controls (../shared/tools/kafka-mock), as a child
// process: the same binary and protocol as libs/platform/test/kafka-mock-cluster.ts.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** KAFKA_MOCK_BIN, else $TMP/kafka-mock-bin/kafka-mock, built with KAFKA_MOCK_BUILD (or ../shared/tools/kafka-mock/build) when missing. */
export function kafkaMockBinary() {
  const fromEnv = process.env.KAFKA_MOCK_BIN;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`KAFKA_MOCK_BIN=${fromEnv} does not exist`);
    return fromEnv;
  }
  const dir = path.join(os.tmpdir(), 'kafka-mock-bin');
  const binary = path.join(dir, 'kafka-mock');
  if (fs.existsSync(binary)) return binary;
  const script = process.env.KAFKA_MOCK_BUILD ?? path.resolve(HERE, '../../../shared/tools/kafka-mock/build');
  if (!fs.existsSync(script)) throw new Error(`kafka-mock build script not found at ${script} (set KAFKA_MOCK_BUILD or KAFKA_MOCK_BIN)`);
  process.stdout.write(`building kafka-mock with ${script}…\n`);
  execFileSync(script, [dir], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 300_000 });
  if (!fs.existsSync(binary)) throw new Error(`kafka-mock build did not produce ${binary}`);
  return binary;
}

export class KafkaMockCluster {
  #child;
  #answers = [];
  #pending = Promise.resolve();

  constructor(child, brokers, lines) {
    this.#child = child;
    this.brokers = brokers;
    lines.on('line', (line) => this.#answers.shift()?.(line));
  }

  static async start(brokerCount = 3) {
    const child = spawn(kafkaMockBinary(), [String(brokerCount)], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr.resume();
    const lines = readline.createInterface({ input: child.stdout });
    const bootstrap = await new Promise((resolve, reject) => {
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

  /** Sends one command (`topic T 3 3`, `down 1`, …) and resolves on `ok`. */
  command(command) {
    const run = this.#pending.then(
      () =>
        new Promise((resolve, reject) => {
          this.#answers.push((line) => (line.trim() === 'ok' ? resolve() : reject(new Error(`kafka-mock "${command}": ${line}`))));
          this.#child.stdin.write(`${command}\n`);
        }),
    );
    this.#pending = run.catch(() => undefined);
    return run;
  }

  async stop() {
    if (this.#child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    this.#child.stdin.end('quit\n');
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
