// `npm run bench:stock`: a 100,000-row weekly stock sheet (CSV) committed by the dealers service's
// StockUploadService on MariaDB — base64 decode, streaming parse with the row report, catalogue and
// duplicate checks, one transaction with the lines, the upload row and the outbox event — against
// a raw mysql2 multi-row INSERT of the same rows into a copy of the same table, in the same run.
// Prints as its last line:
//   stock: 100k rows T ms, raw bulk insert B ms, ratio T/B
// Env: TEST_MARIADB_URL (default mariadb://root@127.0.0.1:3306), BENCH_STOCK_ROWS (100000),
//      BENCH_NO_BUILD=1 (use the built dist as it is).
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { ensureBuilt, ROOT } from '../tools/start/ensure-built.mjs';

process.env.LOG_LEVEL ??= 'warn';
const ROWS = Number(process.env.BENCH_STOCK_ROWS ?? 100_000);
const CHUNK = 1000;

if (!process.env.BENCH_NO_BUILD) ensureBuilt({ portal: false });
const require = createRequire(`${ROOT}/package.json`);
const { DataSource } = require('typeorm');
const mysql = require('mysql2/promise');
const platform = require(`${ROOT}/libs/platform/dist/index.js`);
const { DEALERS_ENTITIES } = require(`${ROOT}/services/dealers/dist/app.module.js`);
const { StockUploadService } = require(`${ROOT}/services/dealers/dist/stock/index.js`);
const { SKU_CATALOGUE } = require(`${ROOT}/services/dealers/dist/catalogue/index.js`);
const { dataSourceOptions, OutboxWriter } = platform;

const log = (msg) => process.stdout.write(`${msg}\n`);
const server = (process.env.TEST_MARIADB_URL ?? process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/\/+$/, '');
const dbName = `lx_bench_stock_${process.pid}`;

/** 100k distinct (SKU, batch, warehouse) lines over the 30 catalogue SKUs. */
function sheet() {
  const lines = [];
  const warehouses = ['主仓', '二号仓', '门店仓', '周转仓'];
  for (let i = 0; i < ROWS; i++) {
    const sku = SKU_CATALOGUE[i % SKU_CATALOGUE.length].code;
    lines.push({ skuCode: sku, batch: `B${String(Math.floor(i / SKU_CATALOGUE.length)).padStart(6, '0')}`, warehouse: warehouses[i % warehouses.length], quantity: 1 + (i % 500) });
  }
  const csv = `SKU,数量,批次,仓库\n${lines.map((l) => `${l.skuCode},${l.quantity},${l.batch},${l.warehouse}`).join('\n')}\n`;
  return { lines, csv };
}

async function main() {
  const admin = await mysql.createConnection(`${server.replace(/^mariadb:/, 'mysql:')}/mysql`);
  await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  let db;
  let raw;
  try {
    // Schema straight from the entities (the bench measures inserts, not migrations).
    db = new DataSource({ ...dataSourceOptions({ databaseUrl: `${server}/${dbName}`, entities: DEALERS_ENTITIES, migrations: [] }), migrationsRun: false, synchronize: true });
    await db.initialize();
    await db.getRepository('Sku').insert(SKU_CATALOGUE.map((s) => ({ id: randomUUID(), ...s })));
    const { lines, csv } = sheet();
    const fileBase64 = Buffer.from(csv, 'utf8').toString('base64');
    log(`stock sheet: ${ROWS} rows, ${(csv.length / 1e6).toFixed(1)} MB CSV`);

    const service = new StockUploadService(db, new OutboxWriter());
    const dealerId = randomUUID();
    const caller = { userId: randomUUID(), username: 'bench', roles: ['DEALER'], dealerId };
    const t0 = performance.now();
    const report = await service.upload(caller, { fileBase64, fileName: 'stock.csv', dryRun: false });
    const t = performance.now() - t0;
    if (report.outcome !== 'CREATED' || report.lineCount !== ROWS) throw new Error(`upload did not commit every row: ${JSON.stringify({ ...report, errors: report.errors.slice(0, 3) })}`);
    log(`service upload: ${t.toFixed(0)} ms (${report.lineCount} lines, outcome ${report.outcome})`);

    // Raw: the same rows into a copy of stock_line (same columns and indexes), multi-row INSERTs in one transaction.
    raw = await mysql.createConnection(`${server.replace(/^mariadb:/, 'mysql:')}/${dbName}`);
    await raw.query('CREATE TABLE raw_stock_line LIKE stock_line');
    const rows = lines.map((l) => [randomUUID(), dealerId, report.isoWeek, l.skuCode, l.batch, l.warehouse, l.quantity]);
    const b0 = performance.now();
    await raw.beginTransaction();
    for (let i = 0; i < rows.length; i += CHUNK) {
      await raw.query('INSERT INTO raw_stock_line (id, dealerId, isoWeek, skuCode, batch, warehouse, quantity) VALUES ?', [rows.slice(i, i + CHUNK)]);
    }
    await raw.commit();
    const b = performance.now() - b0;
    log(`raw mysql2 bulk insert: ${b.toFixed(0)} ms`);
    log(`stock: ${Math.round(ROWS / 1000)}k rows ${t.toFixed(0)} ms, raw bulk insert ${b.toFixed(0)} ms, ratio ${(t / b).toFixed(2)}`);
  } finally {
    await raw?.end();
    if (db?.isInitialized) await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
