import { createHash } from 'node:crypto';
import { creditCodeCheckChar, CREDIT_CODE_ALPHABET } from './credit-code';
import { PROVINCES, REGIONS, Region } from './geography';
import { SeededRandom } from './random';

/** Deterministic UUID-shaped id; the same function as @lianxiao/platform's stableId. */
export function demoId(namespace: string, key: string | number): string {
  const h = createHash('sha1').update(`${namespace}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const DEMO_PASSWORD = 'lianxiao';
export const STAGE_CODES = ['LEAD', 'INQUIRY', 'SAMPLING', 'QUOTATION', 'TRIAL', 'CONTRACT', 'DELIVERY'] as const;
export type StageCode = (typeof STAGE_CODES)[number];
export const INDUSTRIES = ['汽车零部件', '消费电子', '光伏新能源', '家电', '医疗器械', '工业自动化', '建筑五金', '通信设备'] as const;
export const CHANNELS = ['PHONE', 'TRADE_SHOW', 'REFERRAL'] as const;
export const PRODUCT_LINES = ['五金件', '智能设备', '光伏支架', '模具'] as const;

export interface DemoUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  region: Region | null;
  supervisorId: string | null;
  dealerId: string | null;
  hiredAt: string;
}

export interface DemoDealer {
  id: string;
  code: string;
  name: string;
  tier: 'A' | 'B' | 'C';
  region: Region;
  contactName: string;
  phone: string;
  territories: { provinceCode: string; provinceName: string; cityCode: string | null; cityName: string | null }[];
  annualTarget: number;
}

export interface DemoContact {
  id: string;
  name: string;
  title: string;
  phone: string;
  email: string;
  isPrimary: boolean;
}

export interface DemoCustomer {
  id: string;
  name: string;
  creditCode: string;
  industry: string;
  region: Region;
  provinceCode: string;
  city: string;
  channel: string;
  productLines: string[];
  ownerId: string;
  stage: StageCode;
  stageEnteredAt: string;
  lastInteractionAt: string;
  nextActionDate: string;
  contractedAmount: number;
  phone: string;
  contacts: DemoContact[];
  createdAt: string;
}

export interface DemoContract {
  id: string;
  number: string;
  customerId: string;
  amount: number;
  grossMargin: number;
  currency: 'CNY';
  status: 'SIGNED';
  signedAt: string;
  firstPaymentDueDate: string;
  paymentTerms: string;
  ownerId: string;
}

export interface DemoWorld {
  users: DemoUser[];
  dealers: DemoDealer[];
  customers: DemoCustomer[];
  contracts: DemoContract[];
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '涛', '明', '超', '霞', '平', '刚', '桂英', '志强', '建华', '晓东', '海燕', '文博'];
const NAME_HEADS = ['华', '恒', '鑫', '盛', '瑞', '泰', '宏', '博', '精', '锐', '远', '晟', '达', '鼎', '创', '嘉', '联', '众', '新', '永'];
const NAME_TAILS = ['精密', '科技', '电子', '机械', '新能源', '智能', '制造', '五金', '汽车部件', '光电', '模塑', '电器'];
const CITY_PREFIX = ['苏州', '宁波', '东莞', '佛山', '青岛', '无锡', '合肥', '成都', '武汉', '长沙', '郑州', '西安', '天津', '厦门', '温州', '沈阳'];

const DAY = 86_400_000;
/** The demo's "today": fixed so every start builds the same world, near the real date. */
export const DEMO_NOW = Date.UTC(2026, 10, 20, 2, 0, 0);

function personName(r: SeededRandom): string {
  return r.pick(SURNAMES) + r.pick(GIVEN);
}

function creditCode(r: SeededRandom, provinceCode: string): string {
  let body = '91' + provinceCode;
  while (body.length < 17) body += CREDIT_CODE_ALPHABET[r.int(0, 30)];
  return body + creditCodeCheckChar(body);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function buildUsers(): DemoUser[] {
  const users: DemoUser[] = [];
  const add = (username: string, displayName: string, roles: string[], region: Region | null, supervisor: string | null, hiredDaysAgo = 900) => {
    users.push({
      id: demoId('user', username), username, displayName, roles, region,
      supervisorId: supervisor ? demoId('user', supervisor) : null, dealerId: null,
      hiredAt: iso(DEMO_NOW - hiredDaysAgo * DAY),
    });
  };
  add('admin', '系统管理员', ['ADMIN'], null, null);
  add('director', '销售总监 陈建国', ['DIRECTOR'], null, null);
  const regionalSupervisors: [string, Region, string][] = [
    ['supervisor.east', '华东', '华东主管 刘振华'], ['supervisor.south', '华南', '华南主管 黄志明'],
    ['supervisor.north', '华北', '华北主管 赵立新'], ['supervisor.central', '华中', '华中主管 周文斌'],
    ['supervisor.west', '西南', '西南主管 吴海涛'],
  ];
  for (const [u, region, name] of regionalSupervisors) add(u, name, ['SUPERVISOR'], region, 'director');
  const reps: [string, Region, string, string, number][] = [
    ['rep.east1', '华东', '华东销售 王磊', 'supervisor.east', 700], ['rep.east2', '华东', '华东销售 李娜', 'supervisor.east', 45],
    ['rep.south1', '华南', '华南销售 张伟', 'supervisor.south', 500], ['rep.south2', '华南', '华南销售 林芳', 'supervisor.south', 60],
    ['rep.north1', '华北', '华北销售 孙强', 'supervisor.north', 400], ['rep.central1', '华中', '华中销售 何静', 'supervisor.central', 300],
    ['rep.west1', '西南', '西南销售 罗杰', 'supervisor.west', 200],
  ];
  for (const [u, region, name, sup, hired] of reps) add(u, name, ['REP'], region, sup, hired);
  add('engineer', '工程部 高工', ['ENGINEER'], null, null);
  add('procurement', '采购部 郭敏', ['PROCUREMENT'], null, null);
  add('production', '生产主管 马刚', ['PRODUCTION'], null, null);
  add('legal', '法务 徐静', ['LEGAL'], null, null);
  add('finance', '财务 朱红', ['FINANCE'], null, null);
  return users;
}

function buildDealers(r: SeededRandom): DemoDealer[] {
  const dealers: DemoDealer[] = [];
  for (let i = 1; i <= 37; i++) {
    const province = PROVINCES[(i - 1) % PROVINCES.length];
    const code = `D${String(i).padStart(2, '0')}`;
    const city = province.cities[(i - 1) % province.cities.length];
    const territories: DemoDealer['territories'] = [{ provinceCode: province.code, provinceName: province.name, cityCode: city.code, cityName: city.name }];
    // A few larger dealers also cover a neighbouring province in the same region.
    if (i % 5 === 0) {
      const neighbour = PROVINCES.find((p) => p.region === province.region && p.code !== province.code);
      if (neighbour) territories.push({ provinceCode: neighbour.code, provinceName: neighbour.name, cityCode: null, cityName: null });
    }
    dealers.push({
      id: demoId('dealer', code),
      code,
      name: `${city.name.replace(/市$/, '')}${r.pick(NAME_HEADS)}${r.pick(['联', '信', '通', '达'])}工贸有限公司（${code}）`,
      tier: i <= 8 ? 'A' : i <= 24 ? 'B' : 'C',
      region: province.region,
      contactName: personName(r),
      phone: `13${r.int(0, 9)}${String(r.int(0, 99999999)).padStart(8, '0')}`,
      territories,
      annualTarget: (i <= 8 ? 800 : i <= 24 ? 400 : 200) * 10_000,
    });
  }
  return dealers;
}

const STAGE_WEIGHTS: [StageCode, number][] = [
  ['LEAD', 80], ['INQUIRY', 65], ['SAMPLING', 50], ['QUOTATION', 40], ['TRIAL', 30], ['CONTRACT', 30], ['DELIVERY', 25],
];

function buildCustomers(r: SeededRandom, users: DemoUser[]): DemoCustomer[] {
  const reps = users.filter((u) => u.roles.includes('REP'));
  const customers: DemoCustomer[] = [];
  const names = new Set<string>();
  let n = 0;
  for (const [stage, count] of STAGE_WEIGHTS) {
    for (let k = 0; k < count; k++, n++) {
      const owner = reps[n % reps.length];
      const provinces = PROVINCES.filter((p) => p.region === owner.region);
      const province = r.pick(provinces);
      const city = r.pick(province.cities);
      let name = '';
      do {
        name = `${r.pick(CITY_PREFIX)}${r.pick(NAME_HEADS)}${r.pick(NAME_HEADS)}${r.pick(NAME_TAILS)}有限公司`;
      } while (names.has(name));
      names.add(name);
      const created = DEMO_NOW - r.int(60, 720) * DAY;
      const entered = Math.max(created + DAY, DEMO_NOW - r.int(1, 50) * DAY);
      const last = Math.max(entered, DEMO_NOW - r.int(0, 20) * DAY - r.int(0, 23) * 3_600_000);
      const contractedAmount = stage === 'CONTRACT' || stage === 'DELIVERY' ? r.int(20, 600) * 10_000 : 0;
      const contactCount = r.int(1, 2);
      const contacts: DemoContact[] = [];
      for (let c = 0; c < contactCount; c++) {
        const cname = personName(r);
        contacts.push({
          id: demoId('contact', `${n}-${c}`),
          name: cname,
          title: r.pick(['采购经理', '技术总监', '总经理', '质量经理', '财务经理']),
          phone: `1${r.pick(['3', '5', '8'])}${r.int(0, 9)}${String(r.int(0, 99999999)).padStart(8, '0')}`,
          email: `contact${n}_${c}@example.cn`,
          isPrimary: c === 0,
        });
      }
      customers.push({
        id: demoId('customer', n),
        name,
        creditCode: creditCode(r, province.code),
        industry: r.pick(INDUSTRIES),
        region: owner.region as Region,
        provinceCode: province.code,
        city: city.name,
        channel: r.pick(CHANNELS),
        productLines: [r.pick(PRODUCT_LINES), ...(r.chance(0.3) ? [r.pick(PRODUCT_LINES)] : [])].filter((v, i, a) => a.indexOf(v) === i),
        ownerId: owner.id,
        stage,
        stageEnteredAt: iso(entered),
        lastInteractionAt: iso(last),
        nextActionDate: iso(last + r.int(-3, 10) * DAY).slice(0, 10),
        contractedAmount,
        phone: contacts[0].phone,
        contacts,
        createdAt: iso(created),
      });
    }
  }
  return customers;
}

function buildContracts(r: SeededRandom, customers: DemoCustomer[]): DemoContract[] {
  return customers
    .filter((c) => c.stage === 'CONTRACT' || c.stage === 'DELIVERY')
    .map((c, i) => {
      const signedAt = Date.parse(c.stageEnteredAt);
      return {
        id: demoId('contract', i),
        number: `HT-2026-${String(i + 1).padStart(4, '0')}`,
        customerId: c.id,
        amount: c.contractedAmount,
        grossMargin: Math.round(r.int(12, 42) * 10) / 1000,
        currency: 'CNY' as const,
        status: 'SIGNED' as const,
        signedAt: iso(signedAt),
        firstPaymentDueDate: iso(signedAt + 30 * DAY).slice(0, 10),
        paymentTerms: r.pick(['30% 预付，70% 发货前付清', '50% 预付，50% 验收后 30 天', '月结 60 天']),
        ownerId: c.ownerId,
      };
    });
}

let cached: DemoWorld | undefined;

/** The whole demo world. Pure and deterministic: call it from any service. */
export function demoWorld(): DemoWorld {
  if (cached) return cached;
  const r = new SeededRandom(20261120);
  const users = buildUsers();
  const dealers = buildDealers(r);
  for (const d of dealers) {
    const username = `dealer${d.code.slice(1)}`;
    users.push({
      id: demoId('user', username), username, displayName: `${d.name.replace(/（.*）/, '')} 经销商`,
      roles: ['DEALER'], region: d.region, supervisorId: null, dealerId: d.id, hiredAt: new Date(DEMO_NOW - 400 * DAY).toISOString(),
    });
  }
  const customers = buildCustomers(r, users);
  const contracts = buildContracts(r, customers);
  cached = { users, dealers, customers, contracts };
  return cached;
}

export { REGIONS };
