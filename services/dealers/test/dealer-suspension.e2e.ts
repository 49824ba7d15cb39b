import { randomBytes } from 'node:crypto';
import { errorCodes, gql, tokenFor } from '@lianxiao/testing';

/**
 * A dealer HQ suspends (合作暂停) keeps reading its own records but reports nothing new: receipts
 * and stock sheets are refused with DEALER_SUSPENDED (zh + en) and nothing is written; once HQ
 * makes it active again, the same receipt goes through. Uses D31, which no other test touches, and
 * puts its status back afterwards.
 */
const RUN = `${Date.now()}-${randomBytes(3).toString('hex')}`;
const DAY = 86_400_000;
const png = (): string => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(256)]).toString('base64');
const RECORD = 'mutation($input: RecordSellThroughInput!) { recordSellThrough(input: $input) { id receiptNumber } }';
const UPLOAD = 'mutation($input: UploadStockSheetInput!) { uploadStockSheet(input: $input) { dryRun accepted outcome lineCount } }';
const RECEIPTS = 'query($d: ID) { sellThroughReceipts(dealerId: $d, first: 200) { totalCount nodes { receiptNumber } } }';
const SET_STATUS = 'mutation($id: ID!, $input: UpdateDealerInput!) { updateDealer(id: $id, input: $input) { status } }';

function lastIsoWeek(): string {
  const local = new Date(Date.now() + 8 * 3_600_000 - 7 * DAY);
  const day = local.getUTCDay() || 7;
  const thursday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 4 - day));
  const week = Math.ceil(((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / DAY + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

let director = '';
let dealer31 = '';
let d31 = '';
let originalStatus = '';

const receipt = () => ({
  skuCode: 'WJ-001', quantity: 5, unitPrice: 12.5, endCustomerName: '暂停测试终端', deliveryProvinceCode: '110000',
  receiptNumber: `SUSP-${RUN}`, imageBase64: png(), imageMimeType: 'image/png',
});

beforeAll(async () => {
  [director, dealer31] = await Promise.all([tokenFor('director'), tokenFor('dealer31')]);
  const me = await gql<{ me: { dealerId: string } }>('{ me { dealerId } }', {}, dealer31);
  d31 = me.data!.me.dealerId;
  const dealer = await gql<{ dealer: { code: string; status: string } }>('query($id: ID!) { dealer(id: $id) { code status } }', { id: d31 }, director);
  expect(dealer.data!.dealer.code).toBe('D31');
  originalStatus = dealer.data!.dealer.status;
  const suspended = await gql<{ updateDealer: { status: string } }>(SET_STATUS, { id: d31, input: { status: 'SUSPENDED' } }, director);
  expect(suspended.data!.updateDealer.status).toBe('SUSPENDED');
});

afterAll(async () => {
  const back = await gql(SET_STATUS, { id: d31, input: { status: originalStatus } }, director);
  expect(back.errors).toBeUndefined();
});

describe('a suspended dealer', () => {
  it('is refused a sell-through receipt with DEALER_SUSPENDED in zh and en, and nothing is recorded', async () => {
    const before = await gql<{ sellThroughReceipts: { totalCount: number } }>(RECEIPTS, { d: d31 }, dealer31);
    expect(before.errors).toBeUndefined();
    const answer = await gql(RECORD, { input: receipt() }, dealer31);
    expect(errorCodes(answer)).toEqual(['DEALER_SUSPENDED']);
    expect(answer.errors![0].extensions).toMatchObject({ messageZh: expect.stringContaining('合作已暂停'), messageEn: expect.stringContaining('is suspended') });
    const after = await gql<{ sellThroughReceipts: { totalCount: number } }>(RECEIPTS, { d: d31 }, dealer31);
    expect(after.data!.sellThroughReceipts.totalCount).toBe(before.data!.sellThroughReceipts.totalCount);
  });

  it('may check a stock sheet but not commit it', async () => {
    const sheet = Buffer.from('SKU,数量,批次,仓库\nWJ-001,12,B1,主仓\n').toString('base64');
    const input = { fileBase64: sheet, fileName: 'stock.csv', isoWeek: lastIsoWeek() };
    const LINES = 'query($d: ID!, $w: String) { stockLines(dealerId: $d, isoWeek: $w) { skuCode batch warehouse quantity } }';
    const before = await gql<{ stockLines: unknown[] }>(LINES, { d: d31, w: input.isoWeek }, dealer31);
    expect(before.errors).toBeUndefined();
    const dry = await gql<{ uploadStockSheet: { accepted: boolean; outcome: string } }>(UPLOAD, { input: { ...input, dryRun: true } }, dealer31);
    expect(dry.data!.uploadStockSheet).toMatchObject({ accepted: true, outcome: 'DRY_RUN' });
    const commit = await gql(UPLOAD, { input }, dealer31);
    expect(errorCodes(commit)).toEqual(['DEALER_SUSPENDED']);
    const after = await gql<{ stockLines: unknown[] }>(LINES, { d: d31, w: input.isoWeek }, dealer31);
    expect(after.data!.stockLines).toEqual(before.data!.stockLines);
  });

  it('records again once HQ makes it active', async () => {
    const active = await gql(SET_STATUS, { id: d31, input: { status: 'ACTIVE' } }, director);
    expect(active.errors).toBeUndefined();
    const answer = await gql<{ recordSellThrough: { receiptNumber: string } }>(RECORD, { input: receipt() }, dealer31);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.recordSellThrough.receiptNumber).toBe(`SUSP-${RUN}`);
  });
});
