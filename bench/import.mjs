// `npm run bench:import`: the customer import (services/customers/src/import) on MariaDB against
// the raw floor. One run, same rows:
//  T = the import as the service runs it: read a 100k-row UTF-8 CSV (tabular reader), check every
//      row (customer-master rules, credit codes within the file and against the database), then
//      ONE transaction of multi-row INSERTs of the customers plus their customers.customer-updated.v1
//      outbox events;
//  B = raw: mysql2 multi-row INSERTs (500 rows per statement) of the same customer rows into a
//      copy of the table, in one transaction.
// Prints as its last line:
//   import: 100k rows T ms, raw bulk insert B ms, ratio T/B
// Env: TEST_MARIADB_URL (default mariadb://root@127.0.0.1:3306), BENCH_IMPORT_ROWS (100000),
//      BENCH_NO_BUILD=1 (use the built dist as it is).
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { ensureBuilt, ROOT } from '../tools/start/ensure-built.mjs';

process.env.LOG_LEVEL ??= 'warn';
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
if (!process.env.BENCH_NO_BUILD) ensureBuilt({ portal: false });
const require = createRequire(`${ROOT}/package.json`);
const { DataSource } = require('typeorm');
const mysql = require('mysql2/promise');
const platform = require(`${ROOT}/libs/platform/dist/index.js`);
const { CREDIT_CODE_ALPHABET, creditCodeCheckChar, demoWorld } = require(`${ROOT}/libs/demo-data/dist/index.js`);
const { CUSTOMERS_ENTITIES } = require(`${ROOT}/services/customers/dist/app.module.js`);
const { ImportService, ImportKind } = require(`${ROOT}/services/customers/dist/import/index.js`);

const log = (msg) => process.stdout.write(`${msg}\n`);
const server = (process.env.TEST_MARIADB_URL ?? process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/\/+$/, '');
const dbName = `lxbench_import_${process.pid}`;

function creditCode(i) {
  let body = `9132${String(i).padStart(8, '0')}`;
  const r = randomBytes(5);
  for (let k = 0; body.length < 17; k++) body += CREDIT_CODE_ALPHABET[r[k] % 31];
  return body + creditCodeCheckChar(body);
}

function csvOf(rows) {
  const industries = ['汽车零部件', '消费电子', '光伏新能源', '家电', '医疗器械', '工业自动化', '建筑五金', '通信设备'];
  const lines = ['客户名称,统一社会信用代码,行业,区域,首次接触渠道,城市,电话,产品线,下次行动日期'];
  for (let i = 0; i < rows; i++) {
    lines.push(`压测客户${i}精密制造有限公司,${creditCode(i)},${industries[i % industries.length]},华东,${['电话', '展会', '转介绍'][i % 3]},苏州,0512-${String(60000000 + i)},"五金件、模具",2027-0${1 + (i % 9)}-15`);
  }
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

let admin;
let dataSource;
let raw;
try {
  admin = await mysql.createConnection(server.replace(/^mariadb:/, 'mysql:'));
  await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  dataSource = new DataSource({
    ...platform.dataSourceOptions({ databaseUrl: `${server}/${dbName}`, entities: CUSTOMERS_ENTITIES, migrations: [] }),
    migrationsRun: false,
    synchronize: true,
  });
  await dataSource.initialize();
  await dataSource.query('CREATE TABLE bench_raw_customer LIKE customer');
  log(`mariadb: ${server}/${dbName}`);

  const director = demoWorld().users.find((u) => u.username === 'director');
  const caller = { userId: director.id, username: 'director', displayName: director.displayName, roles: ['DIRECTOR'], region: null };
  const stages = { listWithNodes: async () => [{ code: 'LEAD', nodes: [{ code: 'LEAD_CAPTURED' }] }] };
  const file = csvOf(ROWS);
  const storage = { put: async () => undefined, get: async () => file };
  const service = new ImportService(dataSource, new platform.OutboxWriter(), stages, storage);
  const job = { id: 'bench', kind: ImportKind.CUSTOMERS, fileName: 'bench.csv', region: null, chunkHashes: ['x'] };
  log(`file: ${ROWS} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB`);

  // --- T: the service's import ------------------------------------------------------------
  const t0 = performance.now();
  const prepared = await service.prepare(caller, job, file);
  if (prepared.errorCount) throw new Error(`unexpected errors: ${JSON.stringify(prepared.errors.slice(0, 3))}`);
  const tParsed = performance.now();
  const written = await dataSource.transaction((tx) => service.writeCustomers(tx, prepared.plan));
  const t = performance.now() - t0;
  log(`import: read+check ${(tParsed - t0).toFixed(0)} ms, write ${(performance.now() - tParsed).toFixed(0)} ms, ${written} customers`);

  // --- B: raw multi-row INSERT of the same rows -------------------------------------------
  const meta = dataSource.getMetadata('Customer');
  const columns = meta.columns.map((c) => c.databaseName);
  const values = prepared.plan.customers.map((c) => meta.columns.map((col) => {
    const v = col.getEntityValue(c);
    if (col.type === 'simple-json') return JSON.stringify(v);
    return v === undefined ? null : v;
  }));
  raw = await mysql.createConnection({ uri: `${server.replace(/^mariadb:/, 'mysql:')}/${dbName}`, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
  const b0 = performance.now();
  await raw.beginTransaction();
  const sqlHead = `INSERT INTO bench_raw_customer (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`;
  for (let i = 0; i < values.length; i += 500) await raw.query(sqlHead, [values.slice(i, i + 500)]);
  await raw.commit();
  const b = performance.now() - b0;
  const [[{ n }]] = await raw.query('SELECT COUNT(*) AS n FROM bench_raw_customer');
  if (Number(n) !== ROWS) throw new Error(`raw insert wrote ${n} rows`);

  log(`import: ${Math.round(ROWS / 1000)}k rows ${t.toFixed(0)} ms, raw bulk insert ${b.toFixed(0)} ms, ratio ${(t / b).toFixed(2)}`);
} finally {
  await raw?.end().catch(() => undefined);
  await dataSource?.destroy().catch(() => undefined);
  await admin?.query(`DROP DATABASE IF EXISTS \`${dbName}\``).catch(() => undefined);
  await admin?.end().catch(() => undefined);
}
