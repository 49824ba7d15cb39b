import iconv from 'iconv-lite';
import { readStockSheet, stockContentHash } from './stock-sheet';

const SKUS = new Set(['WJ-001', 'WJ-002']);

describe('reading a weekly stock sheet', () => {
  it('reads a GBK CSV from Chinese Excel with Chinese headers, defaulting the warehouse', async () => {
    const file = iconv.encode('物料编码,库存数量,批号,仓库\r\nwj-001,"1,200",B1,\r\nWJ-002,0,,二号仓\r\n', 'gbk');
    const sheet = await readStockSheet(file, 'stock.csv', SKUS);
    expect(sheet.errorCount).toBe(0);
    expect(sheet.lines).toEqual([
      { skuCode: 'WJ-001', batch: 'B1', warehouse: '主仓', quantity: 1200 },
      { skuCode: 'WJ-002', batch: '', warehouse: '二号仓', quantity: 0 },
    ]);
    expect(sheet.totalQuantity).toBe(1200);
  });

  it('reports unknown SKUs, bad numbers and repeated lines by row', async () => {
    const csv = 'SKU,数量,批次,仓库\nWJ-001,5,B1,主仓\nXX-9,1,B1,主仓\nWJ-002,-1,B1,主仓\nWJ-001,7,B1,主仓\n';
    const sheet = await readStockSheet(Buffer.from(csv), 'stock.csv', SKUS);
    expect(sheet.errors.map((e) => e.row)).toEqual([3, 4, 5]);
    expect(sheet.errors[2].reasonEn).toBe('same SKU, batch and warehouse as row 2');
  });

  it('refuses an empty sheet', async () => {
    const sheet = await readStockSheet(Buffer.from('SKU,数量\n'), 'stock.csv', SKUS);
    expect(sheet.errorCount).toBe(1);
  });

  it('hashes content, not row order', () => {
    const a = { skuCode: 'WJ-001', batch: 'B1', warehouse: '主仓', quantity: 3 };
    const b = { skuCode: 'WJ-002', batch: '', warehouse: '主仓', quantity: 4 };
    expect(stockContentHash([a, b])).toBe(stockContentHash([b, a]));
    expect(stockContentHash([a])).not.toBe(stockContentHash([{ ...a, quantity: 4 }]));
  });
});
