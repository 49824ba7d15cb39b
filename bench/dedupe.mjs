// `npm run bench:dedupe`: duplicate-candidate search (services/customers/src/dedupe) on 10k and
// 100k synthetic customers (Chinese company names with city prefixes and legal forms, phones on
// the customer and its contacts, ~3% planted duplicates spelled differently). Blocking keys make
// the work grow with n, so the 100k/10k ratio should stay near 10 (goal ≤ 12).
// Prints as its last line:
//   dedupe: 10k T1 ms, 100k T2 ms, ratio T2/T1
// Env: BENCH_NO_BUILD=1 (use the built dist as it is), BENCH_REPEAT (5: best of N runs).
import { createRequire } from 'node:module';
import { ensureBuilt, ROOT } from '../tools/start/ensure-built.mjs';

if (!process.env.BENCH_NO_BUILD) ensureBuilt({ portal: false });
const require = createRequire(`${ROOT}/package.json`);
const { findDuplicateCandidates } = require(`${ROOT}/services/customers/dist/dedupe/duplicate-candidates.js`);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);

/** Deterministic PRNG so every run measures the same data. */
function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ['苏州', '无锡', '常州', '杭州', '宁波', '深圳', '东莞', '佛山', '青岛', '成都', '武汉', '合肥', '厦门', '西安', '天津', '上海', '北京', '南京', '温州', '郑州'];
const CHARS = '华恒精密机械电子科技智能制造光伏新能源汽车零部件家电医疗器械自动化建筑五金通信设备材料化工塑胶模具铸造锻压轴承阀门泵业电气仪表环保节能数控激光包装印刷纺织服饰食品饮料生物制药信息软件网络物流贸易实业投资发展控股创新宏达鑫源泰丰瑞祥盛隆兴旺德安永康天宇新辉金鼎博远海洋';
const SUFFIXES = ['有限公司', '股份有限公司', '有限责任公司', '（中国）有限公司', '集团有限公司'];

function world(n, seed) {
  const rnd = mulberry32(seed);
  const pick = (s) => s[Math.floor(rnd() * s.length)];
  const phone = () => `1${3 + Math.floor(rnd() * 7)}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`;
  const records = [];
  for (let i = 0; i < n; i++) {
    const planted = i > 0 && rnd() < 0.03;
    if (planted) {
      // A duplicate of an earlier record: other legal form, city prefix on or off, spaces, full-width.
      const src = records[Math.floor(rnd() * records.length)];
      const core = src.name.replace(/(股份|有限|责任|集团|公司|（中国）)+$/g, '');
      const variant = rnd() < 0.5 ? `${core}${pick(SUFFIXES)}` : `${pick(CITIES)}${core.replace(/^(苏州|无锡|常州|杭州|宁波|深圳|东莞|佛山|青岛|成都|武汉|合肥|厦门|西安|天津|上海|北京|南京|温州|郑州)/, '')} 有限公司`;
      records.push({ id: `c${i}`, name: variant, creditCode: null, phones: [rnd() < 0.5 ? src.phones[0] : phone()] });
      continue;
    }
    const len = 3 + Math.floor(rnd() * 3);
    let core = '';
    for (let k = 0; k < len; k++) core += pick(CHARS);
    const name = `${rnd() < 0.6 ? pick(CITIES) : ''}${core}${pick(SUFFIXES)}`;
    const contacts = Math.floor(rnd() * 3);
    records.push({ id: `c${i}`, name, creditCode: `9132${String(i).padStart(14, '0')}`, phones: [phone(), ...Array.from({ length: contacts }, phone)] });
  }
  return records;
}

function timeIt(records) {
  let best = Infinity;
  let pairs = 0;
  for (let r = 0; r < REPEAT; r++) {
    globalThis.gc?.(); // start each run without the previous run's garbage
    const t0 = process.hrtime.bigint();
    pairs = findDuplicateCandidates(records, 0.5).length;
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: best, pairs };
}

const small = world(10_000, 7);
const large = world(100_000, 7);
timeIt(small); // warm-up (JIT)
const t1 = timeIt(small);
const t2 = timeIt(large);
process.stdout.write(`candidates: 10k → ${t1.pairs} pairs, 100k → ${t2.pairs} pairs (best of ${REPEAT})\n`);
process.stdout.write(`dedupe: 10k ${t1.ms.toFixed(0)} ms, 100k ${t2.ms.toFixed(0)} ms, ratio ${(t2.ms / t1.ms).toFixed(2)}\n`);
