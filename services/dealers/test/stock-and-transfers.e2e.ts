import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { errorCodes, gql, tokenFor } from '@lianxiao/testing';

/**
 * Weekly stock sheets, weeks of cover, transfer suggestions and transfers, 窜货 disputes and dealer
 * scope, through the gateway. Safe to run again on the same database: the fixture SKU, receipt
 * numbers and sheet contents are unique per run.
 */
jest.setTimeout(60_000);

const RUN = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`.toUpperCase();
const SKU = `T-${RUN}`;
const png = (): string => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(128)]).toString('base64');
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const DAY = 86_400_000;

/** ISO week on the China clock, `back` weeks ago. */
function isoWeek(back = 0): string {
  const local = new Date(Date.now() + 8 * 3_600_000 - back * 7 * DAY);
  const day = local.getUTCDay() || 7;
  const thursday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 4 - day));
  const week = Math.ceil(((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / DAY + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

interface Report {
  isoWeek: string; dryRun: boolean; accepted: boolean; outcome: string | null; lineCount: number; totalQuantity: number; errorCount: number;
  errors: { row: number; column: string; reasonZh: string; reasonEn: string }[]; existingSameContent: boolean; upload: { id: string; version: number } | null;
}
const UPLOAD = `mutation($input: UploadStockSheetInput!) { uploadStockSheet(input: $input) {
  isoWeek dryRun accepted outcome lineCount totalQuantity errorCount errors { row column reasonZh reasonEn } existingSameContent upload { id version } } }`;
const LINES = 'query($d: ID!, $w: String) { stockLines(dealerId: $d, isoWeek: $w) { skuCode batch warehouse quantity } }';
const HEALTH = `query($d: ID!) { stockHealth(dealerId: $d) { isoWeek items { skuCode onHand soldInWindow avgWeeklySales weeksOfCover slow short reasons
  suggestion { kind toDealerCode quantity nearnessZh theirCoverBefore theirCoverAfter messageZh } } } }`;
const PROPOSE = `mutation($input: ProposeStockTransferInput!) { proposeStockTransfer(input: $input) {
  id status skuCode quantity fromDealerCode toDealerCode direction } }`;
const RESPOND = 'mutation($id: ID!, $accept: Boolean!, $note: String) { respondToStockTransfer(id: $id, accept: $accept, note: $note) { id status decisionNote direction } }';
const TRANSFERS = 'query($status: String) { stockTransfers(status: $status, first: 100) { nodes { id status skuCode quantity fromDealerCode toDealerCode direction } } }';
const RECORD = 'mutation($input: RecordSellThroughInput!) { recordSellThrough(input: $input) { id crossRegionFlag flagStatus } }';

const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

const upload = (who: string, input: Record<string, unknown>) => gql<{ uploadStockSheet: Report }>(UPLOAD, { input }, tokens[who]);
const sumOf = (lines: { skuCode: string; quantity: number }[], sku: string) => lines.filter((l) => l.skuCode === sku).reduce((s, l) => s + l.quantity, 0);
const linesOf = async (who: string, dealer: string, week?: string) =>
  (await gql<{ stockLines: { skuCode: string; batch: string; warehouse: string; quantity: number }[] }>(LINES, { d: ids[dealer], w: week ?? null }, tokens[who])).data!.stockLines;
const receipt = (over: Record<string, unknown>) => ({
  skuCode: SKU, quantity: 20, unitPrice: 15, endCustomerName: '测试终端客户', deliveryProvinceCode: '320000', receiptNumber: `ST-${RUN}-${randomBytes(4).toString('hex')}`,
  imageBase64: png(), imageMimeType: 'image/png', ...over,
});

beforeAll(async () => {
  for (const u of ['director', 'dealer02', 'dealer03', 'dealer04', 'dealer05', 'dealer07', 'dealer09']) tokens[u] = await tokenFor(u);
  const answer = await gql<{ dealers: { nodes: { id: string; code: string }[] } }>('{ dealers(first: 50) { nodes { id code } } }', {}, tokens.director);
  for (const d of answer.data!.dealers.nodes) ids[d.code] = d.id;
  const sku = await gql('mutation($input: SaveSkuInput!) { saveSku(input: $input) { code } }', { input: { code: SKU, name: `测试调拨件 ${RUN}`, productLine: '五金件', unit: '件', price: 15 } }, tokens.director);
  expect(sku.errors).toBeUndefined();
});

describe('weekly stock sheet', () => {
  const badWeek = isoWeek(20);
  const sheetWeek = isoWeek(3);
  const qty = 100 + (Date.now() % 800);
  const good = `SKU,数量,批次,仓库\nWJ-001,${qty},B1,主仓\nWJ-002,40,B1,主仓\nWJ-002,5,B2,二号仓\nZN-001,0,,\n`;

  it('reports every bad row in a dry run and refuses the whole sheet on commit, writing nothing', async () => {
    const bad = `SKU,数量,批次,仓库\nWJ-001,10,B1,主仓\nNOPE-999,5,B1,主仓\nWJ-002,-3,B1,主仓\nWJ-001,7,B1,主仓\nWJ-003,abc,,\n`;
    const dry = await upload('dealer09', { fileBase64: b64(bad), fileName: 'stock.csv', isoWeek: badWeek, dryRun: true });
    expect(dry.errors).toBeUndefined();
    const report = dry.data!.uploadStockSheet;
    expect(report).toMatchObject({ dryRun: true, accepted: false, outcome: null, errorCount: 4 });
    expect(report.errors.map((e) => e.row)).toEqual([3, 4, 5, 6]);
    expect(report.errors[0].reasonZh).toContain('NOPE-999');
    expect(report.errors[2].reasonZh).toContain('第 2 行');

    const commit = await upload('dealer09', { fileBase64: b64(bad), fileName: 'stock.csv', isoWeek: badWeek });
    expect(errorCodes(commit)).toEqual(['STOCK_SHEET_INVALID']);
    const ext = commit.errors![0].extensions as { messageZh: string; details: { row: number }[] };
    expect(ext.messageZh).toContain('4 处错误');
    expect(ext.details.map((d) => d.row)).toEqual([3, 4, 5, 6]);
    expect(await linesOf('dealer09', 'D09', badWeek)).toEqual([]);
  });

  it('takes a good sheet once: the same content again changes nothing, in CSV or XLSX; other content replaces the week', async () => {
    const first = await upload('dealer09', { fileBase64: b64(good), fileName: 'stock.csv', isoWeek: sheetWeek, idempotencyKey: `stock-${RUN}-1` });
    expect(first.errors).toBeUndefined();
    expect(first.data!.uploadStockSheet).toMatchObject({ accepted: true, lineCount: 4, totalQuantity: qty + 45 });
    expect(['CREATED', 'REPLACED']).toContain(first.data!.uploadStockSheet.outcome);
    const version = first.data!.uploadStockSheet.upload!.version;

    const again = await upload('dealer09', { fileBase64: b64(good), fileName: 'stock-again.csv', isoWeek: sheetWeek });
    expect(again.data!.uploadStockSheet).toMatchObject({ outcome: 'UNCHANGED', upload: { version } });
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('库存');
    ws.addRows([['物料编码', '库存数量', '批号', '仓库'], ['WJ-002', 5, 'B2', '二号仓'], ['WJ-001', qty, 'B1', '主仓'], ['ZN-001', 0, null, null], ['WJ-002', 40, 'B1', '主仓']]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const asXlsx = await upload('dealer09', { fileBase64: xlsx, fileName: '库存.xlsx', isoWeek: sheetWeek });
    expect(asXlsx.errors).toBeUndefined();
    expect(asXlsx.data!.uploadStockSheet).toMatchObject({ outcome: 'UNCHANGED', upload: { version } });
    const lines = await linesOf('dealer09', 'D09', sheetWeek);
    expect(lines).toHaveLength(4);
    expect(sumOf(lines, 'WJ-001')).toBe(qty);

    const replay = await upload('dealer09', { fileBase64: b64(good), fileName: 'stock.csv', isoWeek: sheetWeek, idempotencyKey: `stock-${RUN}-1` });
    expect(replay.data!.uploadStockSheet.upload!.id).toBe(first.data!.uploadStockSheet.upload!.id);
    const changed = good.replace(`WJ-001,${qty}`, `WJ-001,${qty + 1}`);
    const reused = await upload('dealer09', { fileBase64: b64(changed), fileName: 'stock.csv', isoWeek: sheetWeek, idempotencyKey: `stock-${RUN}-1` });
    expect(errorCodes(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);

    const replaced = await upload('dealer09', { fileBase64: b64(changed), fileName: 'stock.csv', isoWeek: sheetWeek });
    expect(replaced.data!.uploadStockSheet).toMatchObject({ outcome: 'REPLACED', upload: { version: version + 1 }, totalQuantity: qty + 46 });
    const after = await linesOf('dealer09', 'D09', sheetWeek);
    expect(after).toHaveLength(4);
    expect(sumOf(after, 'WJ-001')).toBe(qty + 1);
  });

  it('refuses a future week and HQ cannot upload for a dealer', async () => {
    const future = await upload('dealer09', { fileBase64: b64(good), fileName: 'stock.csv', isoWeek: '2099-W01' });
    expect(errorCodes(future)).toEqual(['STOCK_WEEK_INVALID']);
    const hq = await gql(UPLOAD, { input: { fileBase64: b64(good), fileName: 'stock.csv' } }, tokens.director);
    expect(errorCodes(hq)).toEqual(['FORBIDDEN']);
  });
});

describe('weeks of cover, transfer suggestion and transfer', () => {
  let transferId = '';

  beforeAll(async () => {
    // D02 (江苏) sells the fixture SKU, 40 in the window (5 a week), and holds 3: short.
    for (const quantity of [25, 15]) expect((await gql(RECORD, { input: receipt({ quantity }) }, tokens.dealer02)).errors).toBeUndefined();
    const d02 = await upload('dealer02', { fileBase64: b64(`SKU,数量,批次,仓库\n${SKU},3,L1,主仓\nWJ-001,50,L1,主仓\n`), fileName: 'd02.csv' });
    expect(d02.errors).toBeUndefined();
    // D07 (山东, borders 江苏) holds 300 and never sold it: slow.
    const d07 = await upload('dealer07', { fileBase64: b64(`SKU,数量,批次,仓库\n${SKU},200,A1,主仓\n${SKU},100,A2,二号仓\nWJ-001,30,A1,主仓\n`), fileName: 'd07.csv' });
    expect(d07.errors).toBeUndefined();
  });

  it('computes weeks of cover from the last 8 weeks of sell-through', async () => {
    const h = await gql<{ stockHealth: { items: { skuCode: string; onHand: number; soldInWindow: number; avgWeeklySales: number; weeksOfCover: number | null; short: boolean }[] } }>(HEALTH, { d: ids.D02 }, tokens.dealer02);
    expect(h.errors).toBeUndefined();
    const item = h.data!.stockHealth.items.find((i) => i.skuCode === SKU)!;
    expect(item).toMatchObject({ onHand: 3, soldInWindow: 40, avgWeeklySales: 5, weeksOfCover: 0.6, short: true });
  });

  it('warns about the slow mover and suggests a transfer to the nearest short dealer, with how many', async () => {
    const h = await gql<{ stockHealth: { items: { skuCode: string; slow: boolean; weeksOfCover: number | null; reasons: string[]; suggestion: Record<string, unknown> | null }[] } }>(HEALTH, { d: ids.D07 }, tokens.dealer07);
    const item = h.data!.stockHealth.items.find((i) => i.skuCode === SKU)!;
    expect(item.slow).toBe(true);
    expect(item.weeksOfCover).toBeNull();
    expect(item.reasons).toEqual(['COVER_ABOVE_THRESHOLD', 'NO_SALES']);
    // need = 6 weeks × 5 − 3 = 27
    expect(item.suggestion).toMatchObject({ kind: 'TRANSFER', toDealerCode: 'D02', quantity: 27, nearnessZh: '相邻省份', theirCoverBefore: 0.6, theirCoverAfter: 6 });
  });

  it('moves the stock in both sheets when the receiver accepts; the receiver never sees the sender\'s stock', async () => {
    const refused = await gql(PROPOSE, { input: { toDealerCode: 'D02', skuCode: SKU, quantity: 301 } }, tokens.dealer07);
    expect(errorCodes(refused)).toEqual(['TRANSFER_STOCK_SHORT']);
    const proposed = await gql<{ proposeStockTransfer: { id: string; status: string; direction: string } }>(PROPOSE, { input: { toDealerCode: 'D02', skuCode: SKU, quantity: 27, note: '滞销调拨', idempotencyKey: `tr-${RUN}` } }, tokens.dealer07);
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data!.proposeStockTransfer).toMatchObject({ status: 'PROPOSED', direction: 'OUTGOING' });
    transferId = proposed.data!.proposeStockTransfer.id;

    const incoming = await gql<{ stockTransfers: { nodes: { id: string; direction: string; fromDealerCode: string }[] } }>(TRANSFERS, { status: 'PROPOSED' }, tokens.dealer02);
    expect(incoming.data!.stockTransfers.nodes.find((t) => t.id === transferId)).toMatchObject({ direction: 'INCOMING', fromDealerCode: 'D07' });
    expect(errorCodes(await gql(HEALTH, { d: ids.D07 }, tokens.dealer02))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(LINES, { d: ids.D07 }, tokens.dealer02))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(RESPOND, { id: transferId, accept: true }, tokens.dealer07))).toEqual(['FORBIDDEN']);

    const accepted = await gql<{ respondToStockTransfer: { status: string } }>(RESPOND, { id: transferId, accept: true }, tokens.dealer02);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.respondToStockTransfer.status).toBe('ACCEPTED');
    expect(sumOf(await linesOf('dealer07', 'D07'), SKU)).toBe(273);
    const d02 = await linesOf('dealer02', 'D02');
    expect(sumOf(d02, SKU)).toBe(30);
    expect(d02.find((l) => l.skuCode === SKU && l.warehouse === '调拨入库')).toMatchObject({ batch: 'A1', quantity: 27 });
    expect(errorCodes(await gql(RESPOND, { id: transferId, accept: true }, tokens.dealer02))).toEqual(['TRANSFER_NOT_PENDING']);
  });

  it('leaves both stocks alone when the receiver declines', async () => {
    const p = await gql<{ proposeStockTransfer: { id: string } }>(PROPOSE, { input: { toDealerCode: 'D02', skuCode: SKU, quantity: 5 } }, tokens.dealer07);
    const declined = await gql<{ respondToStockTransfer: { status: string; decisionNote: string } }>(RESPOND, { id: p.data!.proposeStockTransfer.id, accept: false, note: '仓位已满' }, tokens.dealer02);
    expect(declined.data!.respondToStockTransfer).toMatchObject({ status: 'DECLINED', decisionNote: '仓位已满' });
    expect(sumOf(await linesOf('dealer07', 'D07'), SKU)).toBe(273);
    expect(sumOf(await linesOf('dealer02', 'D02'), SKU)).toBe(30);
  });

  it('shows another pair\'s transfers to nobody else (dealer05 sees none of D07 → D02)', async () => {
    const mine = await gql<{ stockTransfers: { nodes: { fromDealerCode: string; toDealerCode: string }[] } }>(TRANSFERS, {}, tokens.dealer05);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.stockTransfers.nodes.every((t) => t.fromDealerCode === 'D05' || t.toDealerCode === 'D05')).toBe(true);
    const hq = await gql<{ stockTransfers: { nodes: { id: string }[] } }>(TRANSFERS, {}, tokens.director);
    expect(hq.data!.stockTransfers.nodes.some((t) => t.id === transferId)).toBe(true);
  });
});

describe('窜货 flag dispute', () => {
  it('lets the dealer dispute its own flag once with evidence, and HQ decide; the history stays', async () => {
    const rec = await gql<{ recordSellThrough: { id: string; crossRegionFlag: boolean; flagStatus: string } }>(RECORD, { input: receipt({ skuCode: 'WJ-001', deliveryProvinceCode: '650000' }) }, tokens.dealer03);
    expect(rec.data!.recordSellThrough).toMatchObject({ crossRegionFlag: true, flagStatus: 'FLAGGED' });
    const receiptId = rec.data!.recordSellThrough.id;
    const DISPUTE = 'mutation($input: DisputeCrossRegionFlagInput!) { disputeCrossRegionFlag(input: $input) { id status receiptId comment evidenceNote evidenceSha256 } }';
    const input = { receiptId, comment: '客户总部在杭州，货物实际送到杭州仓库', evidenceNote: '物流单号 SF1234567890', evidenceImageBase64: png(), evidenceImageMimeType: 'image/png' };
    expect(errorCodes(await gql(DISPUTE, { input }, tokens.dealer04))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await gql(DISPUTE, { input: { ...input, evidenceNote: null, evidenceImageBase64: null } }, tokens.dealer03))).toEqual(['VALIDATION_FAILED']);
    const opened = await gql<{ disputeCrossRegionFlag: { id: string; status: string; evidenceSha256: string } }>(DISPUTE, { input }, tokens.dealer03);
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.disputeCrossRegionFlag.status).toBe('OPEN');
    expect(opened.data!.disputeCrossRegionFlag.evidenceSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(errorCodes(await gql(DISPUTE, { input }, tokens.dealer03))).toEqual(['FLAG_NOT_DISPUTABLE']);

    const disputeId = opened.data!.disputeCrossRegionFlag.id;
    const DECIDE = 'mutation($id: ID!, $decision: String!, $note: String) { decideFlagDispute(id: $id, decision: $decision, note: $note) { id status decisionNote decidedAt } }';
    expect(errorCodes(await gql(DECIDE, { id: disputeId, decision: 'DISMISSED' }, tokens.dealer03))).toEqual(['FORBIDDEN']);
    const open = await gql<{ flagDisputes: { nodes: { id: string }[] } }>('{ flagDisputes(status: "OPEN", first: 100) { nodes { id } } }', {}, tokens.director);
    expect(open.data!.flagDisputes.nodes.some((d) => d.id === disputeId)).toBe(true);
    const decided = await gql<{ decideFlagDispute: { status: string; decisionNote: string } }>(DECIDE, { id: disputeId, decision: 'DISMISSED', note: '物流单据属实，撤销标记' }, tokens.director);
    expect(decided.data!.decideFlagDispute).toMatchObject({ status: 'DISMISSED', decisionNote: '物流单据属实，撤销标记' });
    expect(errorCodes(await gql(DECIDE, { id: disputeId, decision: 'UPHELD' }, tokens.director))).toEqual(['DISPUTE_ALREADY_DECIDED']);

    const mine = await gql<{ sellThroughReceipts: { nodes: { id: string; flagStatus: string }[] }; flagDisputes: { nodes: { id: string; status: string }[] } }>(
      '{ sellThroughReceipts(flaggedOnly: true, first: 50) { nodes { id flagStatus } } flagDisputes(first: 50) { nodes { id status } } }', {}, tokens.dealer03);
    expect(mine.data!.sellThroughReceipts.nodes.find((r) => r.id === receiptId)!.flagStatus).toBe('DISMISSED');
    expect(mine.data!.flagDisputes.nodes.find((d) => d.id === disputeId)!.status).toBe('DISMISSED');
    const other = await gql<{ flagDisputes: { nodes: { id: string }[] } }>('{ flagDisputes(first: 100) { nodes { id } } }', {}, tokens.dealer04);
    expect(other.data!.flagDisputes.nodes.some((d) => d.id === disputeId)).toBe(false);
  });
});

describe('dealer scope', () => {
  it("never lets dealer05 read dealer06's stock, sheets or attainment", async () => {
    const year = new Date().getFullYear();
    expect(errorCodes(await gql('query($d: ID!) { stockHealth(dealerId: $d) { isoWeek } }', { d: ids.D06 }, tokens.dealer05))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(LINES, { d: ids.D06 }, tokens.dealer05))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql('query($d: ID!) { stockUploads(dealerId: $d) { totalCount } }', { d: ids.D06 }, tokens.dealer05))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql('query($d: ID!, $y: Int!) { dealerAttainment(dealerId: $d, year: $y) { yearRate } }', { d: ids.D06, y: year }, tokens.dealer05))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(`query($d: ID!) { stockTransfers(dealerId: $d) { totalCount } }`, { d: ids.D06 }, tokens.dealer05))).toEqual(['FORBIDDEN']);
    const own = await gql<{ dealerAttainment: { months: unknown[] } }>('query($d: ID!, $y: Int!) { dealerAttainment(dealerId: $d, year: $y) { yearRate months { period target actual } } }', { d: ids.D05, y: year }, tokens.dealer05);
    expect(own.errors).toBeUndefined();
    expect(own.data!.dealerAttainment.months).toHaveLength(12);
  });
});
