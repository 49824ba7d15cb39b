import { randomBytes } from 'node:crypto';
import { errorCodes, gql, tokenFor } from '@lianxiao/testing';

/**
 * Per-product-line targets, attainment per product line and local promotion plans through the
 * gateway. D11 (dealer11) is used by no other test for sell-through, so the attainment check is a
 * difference before/after this file's own receipts. Safe to run again on the same database: names
 * and receipt numbers carry a per-run suffix, and D11's annual figure is never changed.
 */
const RUN = `${Date.now()}-${randomBytes(3).toString('hex')}`;
/** Receipts are dated now, in China time, where the dealers sell. */
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const png = (): string => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(256)]).toString('base64');
const cents = (yuan: number) => Math.round(yuan * 100);

interface Line { productLine: string; amount: number }
interface Target { annualAmount: number; productLines: Line[]; splits: { period: string; amount: number }[] }
interface LineAttainment {
  productLine: string; annualTarget: number | null; yearToDateActual: number; yearRate: number | null;
  currentMonthTarget: number | null; currentMonthActual: number; currentMonthRate: number | null;
}
interface Plan {
  id: string; dealerId: string; year: number; name: string; startDate: string; endDate: string; budget: number;
  expectedUpliftPct: number; productLine: string | null; status: string;
}

const TARGET = 'query($d: ID!, $y: Int!) { dealerTarget(dealerId: $d, year: $y) { annualAmount productLines { productLine amount } splits { period amount } } }';
const SET_TARGET = `mutation($d: ID!, $y: Int!, $a: Float!, $l: [ProductLineAmountInput!]) {
  setAnnualTarget(dealerId: $d, year: $y, amount: $a, productLines: $l) { annualAmount productLines { productLine amount } splits { period amount } } }`;
const LINE_ATTAINMENT = `query($d: ID!, $y: Int!) { dealerAttainment(dealerId: $d, year: $y) {
  productLines { productLine annualTarget yearToDateActual yearRate currentMonthTarget currentMonthActual currentMonthRate } } }`;
const PLAN_FIELDS = 'id dealerId year name startDate endDate budget expectedUpliftPct productLine status';
const PLANS = `query($d: ID, $y: Int) { promotionPlans(dealerId: $d, year: $y, first: 200) { totalCount nodes { ${PLAN_FIELDS} } } }`;
const CREATE_PLAN = `mutation($input: PromotionPlanInput!) { createPromotionPlan(input: $input) { ${PLAN_FIELDS} } }`;
const UPDATE_PLAN = `mutation($id: ID!, $input: PromotionPlanInput!) { updatePromotionPlan(id: $id, input: $input) { ${PLAN_FIELDS} } }`;
const DELETE_PLAN = 'mutation($id: ID!) { deletePromotionPlan(id: $id) }';

let director = '';
let dealer05 = '';
let dealer06 = '';
let dealer11 = '';
let d05 = '';
let d06 = '';
let d11 = '';
let catalogueLines: string[] = [];

beforeAll(async () => {
  [director, dealer05, dealer06, dealer11] = await Promise.all(['director', 'dealer05', 'dealer06', 'dealer11'].map((u) => tokenFor(u)));
  const answer = await gql<{ dealers: { nodes: { id: string; code: string }[] } }>('{ dealers(first: 50) { nodes { id code } } }', {}, director);
  const byCode = new Map(answer.data!.dealers.nodes.map((d) => [d.code, d.id]));
  [d05, d06, d11] = [byCode.get('D05')!, byCode.get('D06')!, byCode.get('D11')!];
  expect(d05 && d06 && d11).toBeTruthy();
  const lines = await gql<{ productLines: string[] }>('{ productLines }', {}, dealer11);
  expect(lines.errors).toBeUndefined();
  catalogueLines = lines.data!.productLines;
  // D05 and D11 need a target for this year (seeded for 2026); set one only when there is none.
  for (const id of [d05, d11]) {
    const t = await gql<{ dealerTarget: Target | null }>(TARGET, { d: id, y: YEAR }, director);
    if (!t.data!.dealerTarget) expect((await gql(SET_TARGET, { d: id, y: YEAR, a: 3_000_000 }, director)).errors).toBeUndefined();
  }
});

describe('annual target per product line', () => {
  it('lists the catalogue product lines', () => {
    expect([...catalogueLines].sort()).toEqual(['五金件', '光伏支架', '智能设备', '模具'].sort());
  });

  it('refuses parts that do not add up to the annual figure, naming the difference, and writes nothing', async () => {
    const before = await gql<{ dealerTarget: Target }>(TARGET, { d: d11, y: YEAR }, director);
    const annual = before.data!.dealerTarget.annualAmount;
    const half = Math.floor(cents(annual) / 2) / 100;
    const short = [{ productLine: '五金件', amount: half }, { productLine: '智能设备', amount: (cents(annual) - cents(half) - 123450) / 100 }];
    const refused = await gql(SET_TARGET, { d: d11, y: YEAR, a: annual, l: short }, director);
    expect(errorCodes(refused)).toEqual(['TARGET_LINES_MISMATCH']);
    expect(refused.errors![0].extensions!.messageZh).toContain('相差 1234.50（尚差 1234.50）');
    expect(refused.errors![0].extensions!.messageEn).toContain('a difference of 1234.50');

    const over = [{ productLine: '五金件', amount: annual }, { productLine: '模具', amount: 100 }];
    const refusedOver = await gql(SET_TARGET, { d: d11, y: YEAR, a: annual, l: over }, director);
    expect(errorCodes(refusedOver)).toEqual(['TARGET_LINES_MISMATCH']);
    expect(refusedOver.errors![0].extensions!.messageZh).toContain('超出 100');

    const unknown = await gql(SET_TARGET, { d: d11, y: YEAR, a: annual, l: [{ productLine: '汽车配件', amount: annual }] }, director);
    expect(errorCodes(unknown)).toEqual(['VALIDATION_FAILED']);
    expect(unknown.errors![0].extensions!.messageZh).toContain('汽车配件');

    const after = await gql<{ dealerTarget: Target }>(TARGET, { d: d11, y: YEAR }, director);
    expect(after.data).toEqual(before.data);
  });

  it('saves parts that add up, in catalogue order, keeping the split of an unchanged annual figure', async () => {
    const before = await gql<{ dealerTarget: Target }>(TARGET, { d: d11, y: YEAR }, director);
    const annual = before.data!.dealerTarget.annualAmount;
    const smart = Math.round(cents(annual) * 0.6) / 100;
    const parts = [{ productLine: '智能设备', amount: smart }, { productLine: '五金件', amount: (cents(annual) - cents(smart)) / 100 }];
    const saved = await gql<{ setAnnualTarget: Target }>(SET_TARGET, { d: d11, y: YEAR, a: annual, l: parts }, director);
    expect(saved.errors).toBeUndefined();
    const order = (line: string) => catalogueLines.indexOf(line);
    expect(saved.data!.setAnnualTarget.productLines).toEqual([...parts].sort((a, b) => order(a.productLine) - order(b.productLine)));
    expect(saved.data!.setAnnualTarget.splits).toEqual(before.data!.dealerTarget.splits);
    const own = await gql<{ dealerTarget: Target }>(TARGET, { d: d11, y: YEAR }, dealer11);
    expect(own.data!.dealerTarget.productLines.map((l) => cents(l.amount)).reduce((a, b) => a + b, 0)).toBe(cents(annual));
  });

  it('lets only director/admin set the parts, and never shows them to another dealer', async () => {
    const annual = (await gql<{ dealerTarget: Target }>(TARGET, { d: d11, y: YEAR }, dealer11)).data!.dealerTarget.annualAmount;
    const refused = await gql(SET_TARGET, { d: d11, y: YEAR, a: annual, l: [{ productLine: '五金件', amount: annual }] }, dealer11);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(TARGET, { d: d11, y: YEAR }, dealer05))).toEqual(['FORBIDDEN']);
  });
});

describe('attainment per product line', () => {
  it("equals a hand computation from this test's receipts, for the year and the current month", async () => {
    const territory = await gql<{ dealer: { territories: { provinceCode: string }[] } }>('query($d: ID!) { dealer(id: $d) { territories { provinceCode } } }', { d: d11 }, dealer11);
    const province = territory.data!.dealer.territories[0].provinceCode;
    const before = await gql<{ dealerAttainment: { productLines: LineAttainment[] } }>(LINE_ATTAINMENT, { d: d11, y: YEAR }, dealer11);
    expect(before.errors).toBeUndefined();

    const sales = [
      { skuCode: 'WJ-001', quantity: 3, unitPrice: 12.5 },
      { skuCode: 'WJ-002', quantity: 7, unitPrice: 37.9 },
      { skuCode: 'ZN-001', quantity: 2, unitPrice: 1288.88 },
      { skuCode: 'GF-004', quantity: 11, unitPrice: 2.8 },
    ];
    const lineOf = new Map((await gql<{ skus: { nodes: { code: string; productLine: string }[] } }>('{ skus(first: 200) { nodes { code productLine } } }', {}, dealer11)).data!.skus.nodes.map((s) => [s.code, s.productLine]));
    for (const [i, s] of sales.entries()) {
      const recorded = await gql(`mutation($input: RecordSellThroughInput!) { recordSellThrough(input: $input) { id } }`, {
        input: { ...s, endCustomerName: `产品线达成测试客户 ${i}`, deliveryProvinceCode: province, receiptNumber: `PL-${RUN}-${i}`, imageBase64: png(), imageMimeType: 'image/png' },
      }, dealer11);
      expect(recorded.errors).toBeUndefined();
    }
    const handCents = new Map<string, number>();
    for (const s of sales) handCents.set(lineOf.get(s.skuCode)!, (handCents.get(lineOf.get(s.skuCode)!) ?? 0) + cents(s.quantity * s.unitPrice));
    expect([...handCents.keys()].sort()).toEqual(['五金件', '光伏支架', '智能设备'].sort());

    const after = await gql<{ dealerAttainment: { productLines: LineAttainment[] } }>(LINE_ATTAINMENT, { d: d11, y: YEAR }, dealer11);
    const was = new Map(before.data!.dealerAttainment.productLines.map((l) => [l.productLine, l]));
    const target = (await gql<{ dealerTarget: Target }>(TARGET, { d: d11, y: YEAR }, dealer11)).data!.dealerTarget;
    expect(after.data!.dealerAttainment.productLines.map((l) => l.productLine)).toEqual(catalogueLines);
    for (const line of after.data!.dealerAttainment.productLines) {
      const added = handCents.get(line.productLine) ?? 0;
      expect([line.productLine, cents(line.yearToDateActual) - cents(was.get(line.productLine)!.yearToDateActual)]).toEqual([line.productLine, added]);
      expect([line.productLine, cents(line.currentMonthActual) - cents(was.get(line.productLine)!.currentMonthActual)]).toEqual([line.productLine, added]);
      const part = target.productLines.find((p) => p.productLine === line.productLine)?.amount ?? null;
      expect(line.annualTarget).toBe(part);
      expect(line.yearRate).toBe(part ? Math.round((line.yearToDateActual / part) * 1000) / 1000 : null);
    }
    // HQ sees the same figures in the network view.
    const network = await gql<{ networkAttainment: { dealerId: string; productLines: LineAttainment[] }[] }>(
      'query($y: Int!) { networkAttainment(year: $y) { dealerId productLines { productLine yearToDateActual currentMonthActual } } }', { y: YEAR }, director);
    const mine = network.data!.networkAttainment.find((a) => a.dealerId === d11)!;
    expect(mine.productLines.map((l) => cents(l.yearToDateActual))).toEqual(after.data!.dealerAttainment.productLines.map((l) => cents(l.yearToDateActual)));
  });
});

describe('promotion plans', () => {
  const input = (over: Record<string, unknown> = {}) => ({
    year: YEAR, name: `光伏旺季促销 ${RUN}`, startDate: `${YEAR}-06-01`, endDate: `${YEAR}-06-30`, budget: 80000, expectedUpliftPct: 12.5, productLine: '光伏支架', ...over,
  });
  let plan: Plan;

  beforeAll(async () => {
    const created = await gql<{ createPromotionPlan: Plan }>(CREATE_PLAN, { input: input() }, dealer05);
    expect(created.errors).toBeUndefined();
    plan = created.data!.createPromotionPlan;
  });

  it("creates a plan for the caller's own dealer, listed with its target year", async () => {
    expect(plan).toMatchObject({ dealerId: d05, year: YEAR, name: `光伏旺季促销 ${RUN}`, startDate: `${YEAR}-06-01`, endDate: `${YEAR}-06-30`, budget: 80000, expectedUpliftPct: 12.5, productLine: '光伏支架', status: 'PLANNED' });
    const own = await gql<{ promotionPlans: { nodes: Plan[] } }>(PLANS, { y: YEAR }, dealer05);
    expect(own.data!.promotionPlans.nodes.map((p) => p.id)).toContain(plan.id);
    expect(own.data!.promotionPlans.nodes.every((p) => p.dealerId === d05)).toBe(true);
    const viaTarget = await gql<{ dealerTarget: { promotionPlans: { id: string }[] } }>('query($d: ID!, $y: Int!) { dealerTarget(dealerId: $d, year: $y) { promotionPlans { id } } }', { d: d05, y: YEAR }, dealer05);
    expect(viaTarget.data!.dealerTarget.promotionPlans.map((p) => p.id)).toContain(plan.id);
  });

  it('edits the plan', async () => {
    const updated = await gql<{ updatePromotionPlan: Plan }>(UPDATE_PLAN, { id: plan.id, input: input({ name: `暑期光伏促销 ${RUN}`, budget: 95000.5, status: 'RUNNING', productLine: null, endDate: `${YEAR}-07-15` }) }, dealer05);
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updatePromotionPlan).toMatchObject({ id: plan.id, name: `暑期光伏促销 ${RUN}`, budget: 95000.5, status: 'RUNNING', productLine: null, endDate: `${YEAR}-07-15` });
    plan = updated.data!.updatePromotionPlan;
  });

  it('refuses bad plans with coded zh + en messages and changes nothing', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ startDate: `${YEAR}-06-10`, endDate: `${YEAR}-06-09` }, 'VALIDATION_FAILED', '早于开始日期'],
      [{ budget: -1 }, 'VALIDATION_FAILED', '预算'],
      [{ expectedUpliftPct: 500 }, 'VALIDATION_FAILED', '预期提升'],
      [{ productLine: '汽车配件' }, 'VALIDATION_FAILED', '汽车配件'],
      [{ year: 2099, startDate: '2099-01-01', endDate: '2099-01-31' }, 'PROMOTION_NO_TARGET_YEAR', '2099'],
    ];
    for (const [over, code, zh] of cases) {
      for (const answer of [await gql(CREATE_PLAN, { input: input(over) }, dealer05), await gql(UPDATE_PLAN, { id: plan.id, input: input(over) }, dealer05)]) {
        expect([over, errorCodes(answer)]).toEqual([over, [code]]);
        expect(answer.errors![0].extensions!.messageZh).toContain(zh);
        expect(answer.errors![0].extensions!.messageEn).toBeTruthy();
      }
    }
    const own = await gql<{ promotionPlans: { nodes: Plan[] } }>(PLANS, { y: YEAR }, dealer05);
    expect(own.data!.promotionPlans.nodes.find((p) => p.id === plan.id)).toEqual(plan);
    expect(own.data!.promotionPlans.nodes.filter((p) => p.name.endsWith(RUN))).toHaveLength(1);
  });

  it("never lets dealer06 read or change dealer05's plans; HQ reads them but does not write", async () => {
    expect(errorCodes(await gql(PLANS, { d: d05 }, dealer06))).toEqual(['FORBIDDEN']);
    const own06 = await gql<{ promotionPlans: { nodes: Plan[] } }>(PLANS, {}, dealer06);
    expect(own06.errors).toBeUndefined();
    expect(own06.data!.promotionPlans.nodes.every((p) => p.dealerId === d06)).toBe(true);
    expect(errorCodes(await gql('query($d: ID!, $y: Int!) { dealerTarget(dealerId: $d, year: $y) { promotionPlans { id } } }', { d: d05, y: YEAR }, dealer06))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(UPDATE_PLAN, { id: plan.id, input: input({ name: 'dealer06 was here' }) }, dealer06))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await gql(DELETE_PLAN, { id: plan.id }, dealer06))).toEqual(['NOT_FOUND']);

    const hq = await gql<{ promotionPlans: { nodes: Plan[] } }>(PLANS, { d: d05, y: YEAR }, director);
    expect(hq.data!.promotionPlans.nodes.find((p) => p.id === plan.id)).toEqual(plan);
    const all = await gql<{ promotionPlans: { totalCount: number; nodes: Plan[] } }>(PLANS, {}, director);
    expect(all.data!.promotionPlans.totalCount).toBeGreaterThanOrEqual(1);
    expect(errorCodes(await gql(CREATE_PLAN, { input: input() }, director))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(DELETE_PLAN, { id: plan.id }, director))).toEqual(['FORBIDDEN']);
  });

  it('moves a plan forward only, keeps a DONE plan as history, and says why in zh and en', async () => {
    const created = await gql<{ createPromotionPlan: Plan }>(CREATE_PLAN, { input: input({ name: `国庆促销 ${RUN}`, status: 'RUNNING' }) }, dealer05);
    expect(created.errors).toBeUndefined();
    const running = created.data!.createPromotionPlan;
    const kept = await gql<{ updatePromotionPlan: Plan }>(UPDATE_PLAN, { id: running.id, input: input({ name: `国庆促销 ${RUN}`, budget: 60000 }) }, dealer05);
    expect(kept.data!.updatePromotionPlan).toMatchObject({ status: 'RUNNING', budget: 60000 });
    const back = await gql(UPDATE_PLAN, { id: running.id, input: input({ name: `国庆促销 ${RUN}`, status: 'PLANNED' }) }, dealer05);
    expect(errorCodes(back)).toEqual(['PROMOTION_STATUS_TRANSITION']);
    expect(back.errors![0].extensions!.messageZh).toContain('不能从“进行中”改为“计划中”');
    const done = await gql<{ updatePromotionPlan: Plan }>(UPDATE_PLAN, { id: running.id, input: input({ name: `国庆促销 ${RUN}`, status: 'DONE' }) }, dealer05);
    expect(done.data!.updatePromotionPlan.status).toBe('DONE');
    const edit = await gql(UPDATE_PLAN, { id: running.id, input: input({ name: '改写历史' }) }, dealer05);
    expect(errorCodes(edit)).toEqual(['PROMOTION_PLAN_CLOSED']);
    expect(errorCodes(await gql(DELETE_PLAN, { id: running.id }, dealer05))).toEqual(['PROMOTION_PLAN_CLOSED']);
    const own = await gql<{ promotionPlans: { nodes: Plan[] } }>(PLANS, { y: YEAR }, dealer05);
    expect(own.data!.promotionPlans.nodes.find((p) => p.id === running.id)).toMatchObject({ name: `国庆促销 ${RUN}`, status: 'DONE', budget: 80000 });
  });

  it('deletes the plan once', async () => {
    const deleted = await gql<{ deletePromotionPlan: string }>(DELETE_PLAN, { id: plan.id }, dealer05);
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deletePromotionPlan).toBe(plan.id);
    const own = await gql<{ promotionPlans: { nodes: Plan[] } }>(PLANS, { y: YEAR }, dealer05);
    expect(own.data!.promotionPlans.nodes.map((p) => p.id)).not.toContain(plan.id);
    expect(errorCodes(await gql(DELETE_PLAN, { id: plan.id }, dealer05))).toEqual(['NOT_FOUND']);
  });
});
