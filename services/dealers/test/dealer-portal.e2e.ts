import { randomBytes } from 'node:crypto';
import { errorCodes, gql, tokenFor } from '@lianxiao/testing';

/**
 * Dealer portal through the gateway: target split, sell-through receipts and 窜货 flags, scope.
 * Safe on a fresh seed and when run again on the same database: receipt numbers carry a per-run
 * suffix and every image is random bytes behind a PNG signature.
 */
const RUN = `${Date.now()}-${randomBytes(3).toString('hex')}`;
const YEAR = 2026;
const png = (): string => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(256)]).toString('base64');

interface Split { period: string; amount: number }
interface Target { annualAmount: number; splits: Split[] }
interface Receipt { id: string; dealerId: string; receiptNumber: string; crossRegionFlag: boolean; flagConfidence: number | null; flagReason: string | null }

const TARGET = 'query($d: ID!, $y: Int!) { dealerTarget(dealerId: $d, year: $y) { annualAmount splits { period amount } } }';
const SPLIT = 'mutation($d: ID!, $y: Int!, $q: [Float!]!, $m: [Float!]!) { splitTarget(dealerId: $d, year: $y, quarters: $q, months: $m) { annualAmount splits { period amount } } }';
const RECORD = `mutation($input: RecordSellThroughInput!) { recordSellThrough(input: $input) {
  id dealerId receiptNumber crossRegionFlag flagConfidence flagReason } }`;

let d05 = '';
let d06 = '';
let dealer05 = '';
let dealer06 = '';
let director = '';

const receipt = (over: Record<string, unknown> = {}) => ({
  skuCode: 'WJ-001', quantity: 20, unitPrice: 12.5, endCustomerName: '福州鑫达建材商行', deliveryProvinceCode: '350000',
  deliveryCityCode: '350100', receiptNumber: `QS-${RUN}-${randomBytes(4).toString('hex')}`, imageBase64: png(), imageMimeType: 'image/png',
  ...over,
});

beforeAll(async () => {
  [dealer05, dealer06, director] = await Promise.all([tokenFor('dealer05'), tokenFor('dealer06'), tokenFor('director')]);
  const answer = await gql<{ dealers: { nodes: { id: string; code: string }[] } }>('{ dealers(first: 50) { nodes { id code } } }', {}, director);
  const byCode = new Map(answer.data!.dealers.nodes.map((d) => [d.code, d.id]));
  d05 = byCode.get('D05')!;
  d06 = byCode.get('D06')!;
  expect(d05 && d06).toBeTruthy();
});

describe('product catalogue', () => {
  it('lists the SKUs and filters by product line', async () => {
    const all = await gql<{ skus: { totalCount: number } }>('{ skus(first: 100) { totalCount nodes { code name productLine unit price } } }', {}, dealer05);
    expect(all.errors).toBeUndefined();
    expect(all.data!.skus.totalCount).toBeGreaterThanOrEqual(30);
    const pv = await gql<{ skus: { nodes: { productLine: string }[] } }>('{ skus(productLine: "光伏支架", first: 100) { nodes { productLine } } }', {}, dealer05);
    expect(pv.data!.skus.nodes.length).toBeGreaterThan(0);
    expect(pv.data!.skus.nodes.every((s) => s.productLine === '光伏支架')).toBe(true);
  });
});

describe('target split', () => {
  it('refuses a split that does not add up, naming the difference, and changes nothing', async () => {
    const before = await gql<{ dealerTarget: Target }>(TARGET, { d: d05, y: YEAR }, dealer05);
    expect(before.errors).toBeUndefined();
    const annual = before.data!.dealerTarget.annualAmount;
    expect(annual).toBe(8_000_000); // D05 is an A-tier dealer: 800 万
    const q = annual / 4;
    const quarters = [q - 10000, q, q, q];
    const months = quarters.flatMap((x) => [x - 2 * Math.floor(x / 3), Math.floor(x / 3), Math.floor(x / 3)]);
    const refused = await gql(SPLIT, { d: d05, y: YEAR, q: quarters, m: months }, dealer05);
    expect(errorCodes(refused)).toEqual(['TARGET_SPLIT_MISMATCH']);
    expect(refused.errors![0].extensions!.messageZh).toContain('季度合计 7990000 与年度目标 8000000 相差 10000');
    expect(refused.errors![0].extensions!.messageEn).toContain('a difference of 10000');
    const after = await gql<{ dealerTarget: Target }>(TARGET, { d: d05, y: YEAR }, dealer05);
    expect(after.data).toEqual(before.data);
  });

  it('refuses months that do not add up to their quarter', async () => {
    const quarters = [2_000_000, 2_000_000, 2_000_000, 2_000_000];
    const months = [700_000, 700_000, 700_000, ...new Array(9).fill(2_000_000 / 3).map((x: number) => Math.round(x * 100) / 100)];
    const refused = await gql(SPLIT, { d: d05, y: YEAR, q: quarters, m: months }, dealer05);
    expect(errorCodes(refused)).toEqual(['TARGET_SPLIT_MISMATCH']);
    expect(refused.errors![0].extensions!.messageZh).toContain('Q1');
  });

  it('accepts the seasonal suggestion as a valid split', async () => {
    const suggestion = await gql<{ targetSplitSuggestion: { basis: string; quarters: number[]; months: number[] } }>(
      'query($d: ID!, $y: Int!) { targetSplitSuggestion(dealerId: $d, year: $y) { basis quarters months } }', { d: d05, y: YEAR }, dealer05);
    expect(suggestion.errors).toBeUndefined();
    const s = suggestion.data!.targetSplitSuggestion;
    expect(s.months).toHaveLength(12);
    const accepted = await gql<{ splitTarget: Target }>(SPLIT, { d: d05, y: YEAR, q: s.quarters, m: s.months }, dealer05);
    expect(accepted.errors).toBeUndefined();
    const splits = accepted.data!.splitTarget.splits;
    expect(splits.map((x) => x.period)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12']);
    expect(splits.slice(0, 4).reduce((a, x) => a + x.amount, 0)).toBe(8_000_000);
    const viaDealer = await gql<{ dealer: { target: Target } }>('query($d: ID!) { dealer(id: $d) { target(year: 2026) { annualAmount splits { period } } } }', { d: d05 }, dealer05);
    expect(viaDealer.data!.dealer.target.splits).toHaveLength(16);
  });

  it('lets only the director or admin set an annual target', async () => {
    const refused = await gql('mutation($d: ID!) { setAnnualTarget(dealerId: $d, year: 2027, amount: 9000000) { annualAmount } }', { d: d05 }, dealer05);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    const set = await gql<{ setAnnualTarget: { annualAmount: number; year: number } }>(
      'mutation($d: ID!) { setAnnualTarget(dealerId: $d, year: 2027, amount: 4500000) { annualAmount year } }', { d: d06 }, director);
    expect(set.errors).toBeUndefined();
    expect(set.data!.setAnnualTarget).toEqual({ annualAmount: 4_500_000, year: 2027 });
  });
});

describe('sell-through receipts', () => {
  let first: Receipt;
  let firstInput: ReturnType<typeof receipt>;

  beforeAll(async () => {
    firstInput = receipt();
    const answer = await gql<{ recordSellThrough: Receipt }>(RECORD, { input: firstInput }, dealer05);
    expect(answer.errors).toBeUndefined();
    first = answer.data!.recordSellThrough;
  });

  it('records dealer05 sale inside its territory without a flag', () => {
    expect(first).toMatchObject({ dealerId: d05, receiptNumber: firstInput.receiptNumber, crossRegionFlag: false, flagConfidence: null });
  });

  it('refuses the same receipt number from dealer06', async () => {
    const answer = await gql(RECORD, { input: receipt({ receiptNumber: firstInput.receiptNumber, deliveryProvinceCode: '360000', deliveryCityCode: null }) }, dealer06);
    expect(errorCodes(answer)).toEqual(['DUPLICATE_RECEIPT_NUMBER']);
    expect(answer.errors![0].extensions!.messageZh).toContain('已被登记');
    expect(answer.data?.recordSellThrough ?? null).toBeNull();
  });

  it('refuses the same image from dealer06', async () => {
    const answer = await gql(RECORD, { input: receipt({ imageBase64: firstInput.imageBase64, deliveryProvinceCode: '360000', deliveryCityCode: null }) }, dealer06);
    expect(errorCodes(answer)).toEqual(['DUPLICATE_RECEIPT_IMAGE']);
    expect(answer.errors![0].extensions!.messageEn).toContain('image');
  });

  it('flags a sale delivered outside dealer05 territory as 窜货', async () => {
    const answer = await gql<{ recordSellThrough: Receipt }>(RECORD, { input: receipt({ deliveryProvinceCode: '440000', deliveryCityCode: '440300', endCustomerName: '深圳某光伏工程' }) }, dealer05);
    expect(answer.errors).toBeUndefined();
    const flagged = answer.data!.recordSellThrough;
    expect(flagged).toMatchObject({ crossRegionFlag: true, flagConfidence: 1 });
    expect(flagged.flagReason).toContain('窜货');
    expect(flagged.flagReason).toContain('广东省');
    const sameRegion = await gql<{ recordSellThrough: Receipt }>(RECORD, { input: receipt({ deliveryProvinceCode: '320000', deliveryCityCode: null }) }, dealer05);
    expect(sameRegion.data!.recordSellThrough).toMatchObject({ crossRegionFlag: true, flagConfidence: 0.7 });
    const hq = await gql<{ sellThroughReceipts: { nodes: { id: string }[] } }>(
      'query($d: ID) { sellThroughReceipts(dealerId: $d, flaggedOnly: true, first: 200) { nodes { id crossRegionFlag } } }', { d: d05 }, director);
    expect(hq.data!.sellThroughReceipts.nodes.map((r) => r.id)).toContain(flagged.id);
    const flags = await gql<{ crossRegionFlags: { totalCount: number } }>('{ crossRegionFlags(first: 5) { totalCount nodes { id crossRegionFlag } } }', {}, director);
    expect(flags.data!.crossRegionFlags.totalCount).toBeGreaterThanOrEqual(2);
    expect(errorCodes(await gql('{ crossRegionFlags { totalCount } }', {}, dealer05))).toEqual(['FORBIDDEN']);
  });

  it('returns the same receipt for an idempotent retry and refuses the key with another payload', async () => {
    const input = receipt({ idempotencyKey: `idem-${RUN}` });
    const a = await gql<{ recordSellThrough: Receipt }>(RECORD, { input }, dealer05);
    const b = await gql<{ recordSellThrough: Receipt }>(RECORD, { input }, dealer05);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(b.data!.recordSellThrough.id).toBe(a.data!.recordSellThrough.id);
    const other = await gql(RECORD, { input: { ...input, quantity: input.quantity + 1 } }, dealer05);
    expect(errorCodes(other)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });

  it('keeps one receipt under concurrent retries with one idempotency key', async () => {
    const input = receipt({ idempotencyKey: `idem-race-${RUN}` });
    const answers = await Promise.all(Array.from({ length: 6 }, () => gql<{ recordSellThrough: Receipt }>(RECORD, { input }, dealer05)));
    for (const a of answers) expect(a.errors).toBeUndefined();
    expect(new Set(answers.map((a) => a.data!.recordSellThrough.id)).size).toBe(1);
  });

  it('lets exactly one of two dealers racing with one receipt number win', async () => {
    const receiptNumber = `QS-RACE-${RUN}`;
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      gql<{ recordSellThrough: Receipt }>(RECORD, { input: receipt({ receiptNumber, deliveryProvinceCode: i % 2 ? '360000' : '350000', deliveryCityCode: null }) }, i % 2 ? dealer06 : dealer05)));
    expect(answers.filter((a) => a.data?.recordSellThrough)).toHaveLength(1);
    expect(answers.flatMap((a) => errorCodes(a))).toEqual(new Array(5).fill('DUPLICATE_RECEIPT_NUMBER'));
  });

  it('validates quantity, SKU, province and image type', async () => {
    const answer = await gql(RECORD, { input: receipt({ quantity: 0, deliveryProvinceCode: '999999', imageMimeType: 'image/gif' }) }, dealer05);
    expect(errorCodes(answer)).toEqual(['VALIDATION_FAILED']);
    const noSku = await gql(RECORD, { input: receipt({ skuCode: 'NOPE-999' }) }, dealer05);
    expect(errorCodes(noSku)).toEqual(['VALIDATION_FAILED']);
  });

  it('never lets HQ record a receipt for a dealer', async () => {
    expect(errorCodes(await gql(RECORD, { input: receipt() }, director))).toEqual(['FORBIDDEN']);
  });
});

describe("dealer05 never reads dealer06's data", () => {
  beforeAll(async () => {
    const answer = await gql(RECORD, { input: receipt({ deliveryProvinceCode: '360000', deliveryCityCode: null }) }, dealer06);
    expect(answer.errors).toBeUndefined();
  });

  it("refuses dealer06's receipts and shows dealer05 only its own", async () => {
    const other = await gql<{ sellThroughReceipts: unknown }>('query($d: ID) { sellThroughReceipts(dealerId: $d) { nodes { id } } }', { d: d06 }, dealer05);
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    expect(other.data?.sellThroughReceipts ?? null).toBeNull();
    const own = await gql<{ sellThroughReceipts: { nodes: { dealerId: string }[] } }>('{ sellThroughReceipts(first: 200) { nodes { dealerId } } }', {}, dealer05);
    expect(own.data!.sellThroughReceipts.nodes.length).toBeGreaterThan(0);
    expect(own.data!.sellThroughReceipts.nodes.every((r) => r.dealerId === d05)).toBe(true);
  });

  it("refuses dealer06's targets, suggestion and split", async () => {
    const target = await gql<{ dealerTarget: unknown }>(TARGET, { d: d06, y: YEAR }, dealer05);
    expect(errorCodes(target)).toEqual(['FORBIDDEN']);
    expect(target.data?.dealerTarget ?? null).toBeNull();
    const viaDealer = await gql<{ dealer: unknown }>('query($d: ID!) { dealer(id: $d) { target(year: 2026) { annualAmount } } }', { d: d06 }, dealer05);
    expect(errorCodes(viaDealer)).toContain('FORBIDDEN');
    expect(viaDealer.data?.dealer ?? null).toBeNull();
    const suggestion = await gql('query($d: ID!) { targetSplitSuggestion(dealerId: $d, year: 2026) { months } }', { d: d06 }, dealer05);
    expect(errorCodes(suggestion)).toEqual(['FORBIDDEN']);
    const split = await gql(SPLIT, { d: d06, y: YEAR, q: [1, 0, 0, 0], m: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }, dealer05);
    expect(errorCodes(split)).toEqual(['FORBIDDEN']);
  });
});
