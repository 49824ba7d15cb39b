// Real parts for the integration tests: free ports, MariaDB, a Kafka peer, log-line waits.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
    srv.on('error', reject);
  });
}

export async function mariadbAvailable(url = { host: '127.0.0.1', port: 3306, user: 'root' }) {
  try {
    const mysql = require('mysql2/promise');
    const conn = await mysql.createConnection({ ...url, connectTimeout: 3000 });
    await conn.query('SELECT 1');
    await conn.end();
    return true;
  } catch {
    return false;
  }
}

export async function dropDatabases(prefix) {
  const mysql = require('mysql2/promise');
  const conn = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' });
  const [rows] = await conn.query('SHOW DATABASES');
  for (const row of rows) {
    const name = Object.values(row)[0];
    if (name.startsWith(prefix)) await conn.query(`DROP DATABASE \`${name}\``);
  }
  await conn.end();
}

/** Waits until `pattern` appears in the log file; fails early if the process exits. */
export async function waitForLine(file, pattern, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (pattern.test(text)) return;
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before ready:\n${text.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not ready within ${timeoutMs / 1000} s: ${file}\n${fs.readFileSync(file, 'utf8').slice(-3000)}`);
}

/** librdkafka's mock cluster (3 brokers) hosted by kcat: a real Kafka protocol peer. */
export async function startKafkaMock() {
  const child = spawn('kcat', ['-C', '-b', 'x:9092', '-X', 'test.mock.num.brokers=3', '-t', 'lianxiao.probe', '-d', 'mock', '-o', 'beginning', '-q'], {
    stdio: ['ignore', 'ignore', 'pipe'], detached: true,
  });
  let buffer = '';
  const brokers = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('kcat mock cluster did not print bootstrap.servers within 15 s')), 15_000);
    child.stderr.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      const m = /bootstrap\.servers=([0-9.:,]+)/.exec(buffer);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => reject(new Error(`kcat exited (${code}): ${buffer.slice(-500)}`)));
  });
  child.stderr.resume();
  child.stderr.removeAllListeners('data');
  child.stderr.on('data', () => undefined);
  return { brokers, stop: () => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone or not there */ } } };
}
