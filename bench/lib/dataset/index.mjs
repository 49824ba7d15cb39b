// Deterministic, seeded benchmark dataset written straight into the MariaDB service databases
// (issue 10 item 1). The schema comes from each service's own migrations; rows go in as multi-row
// INSERTs through the mysql2 pool (thousands of rows per statement). Columns the generator does not
// know (other helpers keep adding them) are filled from the TypeORM metadata: nullable → NULL,
// defaulted → left out, otherwise a type-shaped value — so a new NOT NULL column does not break it.
//
//   import { seedDataset } from './lib/dataset/index.mjs';
//   await seedDataset({ prefix: 'lxbench_', customers: 100_000, followUpsPerCustomer: 20 });
//   node bench/lib/dataset/cli.mjs --customers 100000 --follow-ups 20 --prefix lxbench_
import { createRequire } from 'node:module';
import { ROOT } from '../../../tools/start/ensure-built.mjs';

const require = createRequire(`${ROOT}/package.json`);
const DAY = 86_400_000;

export const STAGES = [
  ['LEAD', '线索', 'Lead', false], ['INQUIRY', '询价', 'Inquiry', false], ['SAMPLING', '打样', 'Sampling', false], ['QUOTATION', '报价', 'Quotation', false],
  ['TRIAL', '试产评估', 'Trial', true], ['CONTRACT', '合同', 'Contract', false], ['DELIVERY', '交付', 'Delivery', false],
];
/** Share of customers whose current stage is each of STAGES (a funnel). */
const STAGE_SHARE = [0.25, 0.2, 0.16, 0.12, 0.1, 0.09, 0.08];
const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
const REGION_SHARE = [0.3, 0.22, 0.16, 0.12, 0.1, 0.05, 0.05];
const INDUSTRIES = ['汽车零部件', '消费电子', '光伏新能源', '家电', '医疗器械', '工业自动化', '建筑五金', '通信设备'];
const PRODUCT_LINES = ['五金件', '智能设备', '光伏支架', '模具'];
const OBSTACLES = [
  '价格偏高，客户要求降价百分之五', '付款周期太长，客户要求账期九十天', '验收标准不明确，需要技术协议确认', '竞品报价更低，客户在比价',
  '样品测试未通过，尺寸公差超标', '交期太长，客户担心影响量产', '采购总监未表态，决策链复杂', '预算冻结，项目延期到明年',
];
const SUMMARIES = ['拜访采购经理，介绍新产品方案', '电话沟通样品测试进度', '微信确认报价细节', '邮件发送技术协议草稿', '客户询问付款方式', '安排验收，准备验收资料'];
const TYPES = ['VISIT', 'CALL', 'EMAIL', 'WECHAT'];

/** Mulberry32: the same stream on every machine. */
export function rng(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (a, b) => a + Math.floor(next() * (b - a + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    weighted: (xs, ws) => { let r = next(); for (let i = 0; i < xs.length; i++) { r -= ws[i]; if (r <= 0) return xs[i]; } return xs[xs.length - 1]; },
    uuid: () => {
      const h = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
}

const sqlDate = (ms) => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');

function filler(column, i) {
  const t = String(column.type).toLowerCase();
  if (/int|decimal|double|float|numeric/.test(t)) return 0;
  if (/bool|tinyint/.test(t)) return 0;
  if (/datetime|timestamp/.test(t)) return sqlDate(Date.UTC(2026, 0, 1));
  if (t === 'date') return '2026-01-01';
  if (t === 'simple-json' || t === 'json') return '[]';
  if (t === 'simple-array') return '';
  if (t === 'enum') return column.enum?.[0] ?? '';
  const len = Number(column.length) || 255;
  return `g${i}`.slice(0, len);
}

/** Multi-row INSERT of partial rows; unknown NOT NULL columns are filled from the metadata. */
export async function insertRows(ds, tableName, rows, { chunk = 2000, parallel = 2 } = {}) {
  if (!rows.length) return;
  const meta = ds.entityMetadatas.find((m) => m.tableName === tableName);
  if (!meta) throw new Error(`no entity for table ${tableName}`);
  const given = new Set(Object.keys(rows[0]));
  const columns = meta.columns.filter((c) => given.has(c.propertyName) || given.has(c.databaseName) || (!c.isNullable && c.default === undefined && !c.isGenerated && !c.isCreateDate && !c.isUpdateDate));
  const names = columns.map((c) => `\`${c.databaseName}\``).join(', ');
  const pool = ds.driver.pool ?? ds.driver.master;
  const query = (sql, values) => new Promise((resolve, reject) => pool.query(sql, values, (e) => (e ? reject(e) : resolve())));
  const batches = [];
  for (let at = 0; at < rows.length; at += chunk) batches.push(rows.slice(at, at + chunk));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const b = next++;
      const values = batches[b].map((row, k) => columns.map((c) => {
        const v = row[c.propertyName] ?? row[c.databaseName];
        return v === undefined ? (c.isNullable ? null : filler(c, b * chunk + k)) : v;
      }));
      await query(`INSERT INTO \`${tableName}\` (${names}) VALUES ?`, [values]);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** The service's database, created and migrated with its own migrations. */
export async function migratedDataSource(service, databaseUrl) {
  const { DataSource } = require('typeorm');
  const { dataSourceOptions, ensureMysqlDatabase } = require(`${ROOT}/libs/platform/dist/index.js`);
  const { loadSubgraph } = require(`${ROOT}/tools/dist/subgraph-registry.js`);
  const d = loadSubgraph(service);
  await ensureMysqlDatabase(databaseUrl);
  const ds = new DataSource({ ...dataSourceOptions({ databaseUrl, entities: d.entities, migrations: d.migrations }), migrationsRun: false, logging: false });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}

/**
 * Seeds customers (+ stage moves and follow-ups with obstacles), contracts for contracted
 * customers, and dealers. Owners are the demo reps, so role scoping works on the data.
 */
export async function seedDataset({
  mysqlUrl = process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306', prefix = 'lxbench_', customers = 100_000, followUpsPerCustomer = 20, dealers = 37, seed = 20261123,
  now = Date.UTC(2026, 10, 20), log = (line) => process.stderr.write(`${line}\n`),
} = {}) {
  const { demoWorld } = require(`${ROOT}/libs/demo-data/dist/index.js`);
  const reps = demoWorld().users.filter((u) => u.roles.includes('REP'));
  const r = rng(seed);
  const t0 = Date.now();
  const counts = { customers: 0, stageTransitions: 0, followUps: 0, contracts: 0, dealers: 0 };

  const cds = await migratedDataSource('customers', `${mysqlUrl}/${prefix}customers`);
  try {
    await insertRows(cds, 'stage', STAGES.map(([code, nameZh, nameEn, optional], i) => ({ code, nameZh, nameEn, order: i + 1, optional: optional ? 1 : 0, entryConditions: null, exitConditions: null })));
    const contracted = [];
    const BATCH = 5_000;
    for (let from = 0; from < customers; from += BATCH) {
      const rows = [];
      const moves = [];
      const notes = [];
      for (let i = from; i < Math.min(customers, from + BATCH); i++) {
        const region = r.weighted(REGIONS, REGION_SHARE);
        const regionReps = reps.filter((u) => u.region === region);
        const owner = regionReps.length ? r.pick(regionReps) : r.pick(reps);
        let stageIndex = STAGES.indexOf(r.weighted(STAGES, STAGE_SHARE));
        // East China converts worse from sampling to trial (the source's 19 % against 32 %).
        if (region === '华东' && stageIndex >= 4 && r.next() < 0.35) stageIndex = 2;
        const stage = STAGES[stageIndex][0];
        const created = now - r.int(30, 720) * DAY;
        const entered = Math.min(now - DAY, created + r.int(1, 200) * DAY);
        const last = Math.min(now, entered + r.int(0, 60) * DAY);
        const id = r.uuid();
        const amount = stageIndex >= 5 ? r.int(20, 600) * 10_000 : 0;
        rows.push({
          id, name: `${r.pick(['苏州', '宁波', '东莞', '佛山', '青岛', '成都', '武汉', '西安'])}基准${i}有限公司`, creditCode: `91${String(110000 + (i % 800000)).slice(0, 6)}${String(i).padStart(9, '0')}X`,
          industry: r.pick(INDUSTRIES), region, provinceCode: null, city: null, channel: r.pick(['PHONE', 'TRADE_SHOW', 'REFERRAL']), productLines: JSON.stringify([r.pick(PRODUCT_LINES)]),
          ownerId: owner.id, ownerName: owner.displayName, stage, node: 'BENCH', stageEnteredAt: sqlDate(entered), lastInteractionAt: sqlDate(last),
          nextActionDate: new Date(last + r.int(-20, 20) * DAY).toISOString().slice(0, 10), contractedAmount: amount, phone: null, namePinyinInitials: 'jz',
          createdAt: sqlDate(created), updatedAt: sqlDate(last),
        });
        if (amount) contracted.push({ id, ownerId: owner.id, amount, signedAt: entered });
        let prev = created;
        for (let s = 1; s <= stageIndex; s++) {
          const at = s === stageIndex ? entered : prev + Math.max(DAY, ((entered - prev) / (stageIndex - s + 1)) * (0.5 + r.next()));
          const movedAt = Math.min(at, entered);
          moves.push({ id: r.uuid(), customerId: id, fromStage: STAGES[s - 1][0], toStage: STAGES[s][0], movedBy: owner.id, movedAt: sqlDate(movedAt), daysInPreviousStage: Math.round(((movedAt - prev) / DAY) * 100) / 100 });
          prev = movedAt;
        }
        for (let k = 0; k < followUpsPerCustomer; k++) {
          const at = Math.max(created, now - r.int(0, 365) * DAY - r.int(0, 86_399) * 1000);
          notes.push({
            id: r.uuid(), customerId: id, type: r.pick(TYPES), summary: r.pick(SUMMARIES), obstacle: r.next() < 0.6 ? r.pick(OBSTACLES) : null,
            nextAction: null, nextActionDate: null, latitude: null, longitude: null, createdBy: owner.id, createdAt: sqlDate(at), editedBy: null, editedAt: null, version: 1,
          });
        }
      }
      await insertRows(cds, 'customer', rows);
      await insertRows(cds, 'stage_transition', moves);
      await insertRows(cds, 'follow_up', notes, { chunk: 4000 });
      counts.customers += rows.length;
      counts.stageTransitions += moves.length;
      counts.followUps += notes.length;
      if ((from / BATCH) % 4 === 3) log(`dataset: ${counts.customers} customers, ${counts.followUps} follow-ups (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
    await cds.query('ANALYZE TABLE `customer`, `stage_transition`, `follow_up`');

    const ods = await migratedDataSource('orders', `${mysqlUrl}/${prefix}orders`);
    try {
      await insertRows(ods, 'contract', contracted.map((c, i) => ({
        id: r.uuid(), number: `BENCH-${String(i + 1).padStart(7, '0')}`, customerId: c.id, amount: c.amount, currency: 'CNY', status: 'SIGNED',
        signedAt: sqlDate(c.signedAt), createdAt: sqlDate(c.signedAt), updatedAt: sqlDate(c.signedAt), ownerId: c.ownerId, signedBy: c.ownerId,
      })));
      counts.contracts = contracted.length;
    } catch (e) {
      log(`dataset: contracts skipped (${e.message.slice(0, 160)})`);
    } finally {
      await ods.destroy();
    }
    const dds = dealers > 0 ? await migratedDataSource('dealers', `${mysqlUrl}/${prefix}dealers`) : null;
    if (dds) try {
      await insertRows(dds, 'dealer', Array.from({ length: dealers }, (_, i) => ({
        id: r.uuid(), code: `B${String(i + 1).padStart(4, '0')}`, name: `基准经销商${i + 1}`, tier: i < dealers / 5 ? 'A' : 'B', region: REGIONS[i % REGIONS.length],
        contactName: '联系人', phone: '13800000000', createdAt: sqlDate(now), updatedAt: sqlDate(now),
      })));
      counts.dealers = dealers;
    } catch (e) {
      log(`dataset: dealers skipped (${e.message.slice(0, 160)})`);
    } finally {
      await dds.destroy();
    }
  } finally {
    await cds.destroy();
  }
  return { ...counts, ms: Date.now() - t0 };
}
