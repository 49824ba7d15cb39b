// `npm test`: build, unit tests, then the integration tests through the real gateway against
// (1) the embedded stack on SQLite with the portal in Chromium and (2) the production-mode
// cluster on MariaDB with a Kafka peer (librdkafka mock cluster). With CI=true a missing
// dependency (MariaDB, Chromium, kcat) is a failure, never a skip.
import { spawn, execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, ROOT } from '../start/ensure-built.mjs';
import { startKafkaMock, mariadbAvailable, freePort, waitForLine, dropDatabases } from './test-stack.mjs';

const CI = process.env.CI === 'true' || process.env.CI === '1';
// Development only: TEST_PHASES=unit,sqlite,portal,mariadb runs a subset (CI always runs every phase).
const PHASES = new Set((CI || !process.env.TEST_PHASES ? 'unit,sqlite,portal,mariadb' : process.env.TEST_PHASES).split(',').map((p) => p.trim()));
const results = [];
const cleanups = [];

// The test machine runs the stacks, Jest and Chromium on two cores: a lagging event loop there is
// the test machine being busy, not overload to shed, and a request queues for a slot for up to
// 10 s rather than be shed after 300 ms; the concurrency limit stays at 64 (a slow CI machine
// would otherwise shrink it to 4 behind a few long imports). The adaptive limit has unit tests.
const LOADED_MACHINE = { GATEWAY_MAX_EVENT_LOOP_DELAY_MS: '10000', GATEWAY_MAX_QUEUE_WAIT_MS: '10000', GATEWAY_MIN_CONCURRENCY: '64' };

function fail(message) {
  process.stderr.write(`\n${message}\n`);
  process.exitCode = 1;
}

function jest(project, env, label) {
  const out = path.join(os.tmpdir(), `lianxiao-jest-${project}-${label}-${process.pid}.json`);
  return new Promise((resolve) => {
    const child = spawn('npx', ['jest', '--selectProjects', project, '--runInBand', '--json', `--outputFile=${out}`, ...process.argv.slice(2)], {
      cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env },
    });
    child.on('exit', (code) => {
      let passed = 0, failed = 0;
      if (fs.existsSync(out)) {
        const report = JSON.parse(fs.readFileSync(out, 'utf8'));
        passed = report.numPassedTests; failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
      } else failed = 1;
      results.push({ label: `${project} (${label})`, passed, failed, code });
      resolve(code === 0);
    });
  });
}

async function startStack(command, env, logFile) {
  const log = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [command], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', log, log], detached: true });
  cleanups.push(() => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone or not there */ } });
  child.on('exit', (code, signal) => fs.appendFileSync(logFile, `\n[${path.basename(command)} exited: code ${code}, signal ${signal}]\n`));
  // A first start seeds the demo data; on a busy 2-core machine that takes minutes.
  await waitForLine(logFile, /GraphQL: (http\S+)/, child, 420_000);
  const text = fs.readFileSync(logFile, 'utf8');
  return { graphql: /GraphQL: (http\S+)/.exec(text)[1], portal: /Portal: (http\S+)/.exec(text)[1] };
}

async function main() {
  const t0 = Date.now();
  const chromium = fs.existsSync('/usr/bin/chromium');
  const maria = await mariadbAvailable();
  let kcat = false;
  try { execSync('command -v kcat', { stdio: 'ignore' }); kcat = true; } catch { /* already gone or not there */ }
  const missing = [!chromium && 'chromium (/usr/bin/chromium)', !maria && 'MariaDB on 127.0.0.1:3306', !kcat && 'kcat'].filter(Boolean);
  if (missing.length && CI) throw new Error(`missing test dependencies: ${missing.join(', ')} (CI=true: nothing may be skipped)`);
  if (missing.length) process.stderr.write(`warning: not CI, skipping what needs: ${missing.join(', ')}\n`);

  ensureBuilt({ portal: PHASES.has('portal') || PHASES.has('sqlite') });
  if (PHASES.has('unit')) await jest('unit', {}, 'unit');
  if (!PHASES.has('sqlite') && !PHASES.has('portal') && !PHASES.has('mariadb')) return report(t0);

  // 1. Embedded default on SQLite, plus the portal in Chromium.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxiao-test-data-'));
  process.stdout.write(`server logs of this run: ${dataDir}/embedded.log, ${dataDir}/cluster.log\n`);
  // The stacks send mail to this port; a test that expects mail listens on it (startSmtpReceiver from
  // @lianxiao/testing) while it runs. Mail sent when nobody listens is recorded as not sent.
  const smtpPort = await freePort();
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
  process.env.LIANXIAO_SMTP_PORT = String(smtpPort);
  if (PHASES.has('sqlite') || PHASES.has('portal')) {
    const port = await freePort();
    const embedded = await startStack('tools/dist/embedded/embedded-host.js', { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...LOADED_MACHINE }, path.join(dataDir, 'embedded.log'));
    if (PHASES.has('sqlite')) await jest('api', { LIANXIAO_GRAPHQL_URL: embedded.graphql, LIANXIAO_BASE_URL: embedded.portal, LIANXIAO_DB: 'sqlite', LIANXIAO_DATA_DIR: dataDir }, 'sqlite');
    if (chromium && PHASES.has('portal')) await jest('portal', { LIANXIAO_GRAPHQL_URL: embedded.graphql, LIANXIAO_BASE_URL: embedded.portal }, 'chromium');
  }

  // 2. Production mode: separate processes, MariaDB databases, Kafka peer.
  if (maria && kcat && PHASES.has('mariadb')) {
    const kafka = await startKafkaMock();
    cleanups.push(kafka.stop);
    const prefix = `lxtest_${process.pid}_`;
    cleanups.push(() => dropDatabases(prefix));
    const gwPort = await freePort();
    const basePort = 20000 + (process.pid % 20000);
    const cluster = await startStack('tools/dist/cluster/start-cluster.js', {
      PORT: String(gwPort), SERVICE_BASE_PORT: String(basePort), DB_PREFIX: prefix, MYSQL_URL: 'mariadb://root@127.0.0.1:3306',
      KAFKA_BROKERS: kafka.brokers, SEED_DEMO: 'true', LOG_LEVEL: 'warn', ...LOADED_MACHINE,
      // Production mode keeps test hooks (clock control, ERP simulator) off; the tests need them.
      LIANXIAO_TEST_HOOKS: 'true',
    }, path.join(dataDir, 'cluster.log'));
    await jest('mariadb', { MYSQL_URL: 'mariadb://root@127.0.0.1:3306' }, 'migrations');
    await jest('api', { LIANXIAO_GRAPHQL_URL: cluster.graphql, LIANXIAO_BASE_URL: cluster.portal, LIANXIAO_DB: 'mariadb', LIANXIAO_DB_PREFIX: prefix, KAFKA_BROKERS: kafka.brokers }, 'mariadb');
  }
  report(t0);
}

function report(t0) {
  const passed = results.reduce((s, r) => s + r.passed, 0);
  const failed = results.reduce((s, r) => s + r.failed, 0);
  process.stdout.write('\n');
  for (const r of results) process.stdout.write(`  ${r.label}: ${r.passed} passed, ${r.failed} failed\n`);
  process.stdout.write(`test time ${Math.round((Date.now() - t0) / 1000)} s\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  if (failed > 0 || results.some((r) => r.code !== 0)) process.exitCode = 1;
}

main()
  .catch((error) => fail(error instanceof Error ? error.message : String(error)))
  .finally(async () => {
    for (const c of cleanups.reverse()) await c();
    process.exit(process.exitCode ?? 0);
  });
