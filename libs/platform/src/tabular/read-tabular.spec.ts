import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { columnParsers as p, encodeText, readTabular, TabularErrorCode, type TabularColumns } from './index';

interface CustomerRow {
  name: string;
  phone: string;
  amount: number;
  visits: number;
  since: Date;
  channel: 'DIRECT' | 'DEALER';
}

const columns: TabularColumns<CustomerRow> = {
  name: { headers: ['客户名称', 'Customer name'], parse: p.string({ maxLength: 20 }), required: true },
  phone: { headers: ['电话', 'Phone'], parse: p.string({ halfWidth: true, pattern: /^1\d{10}$/, patternZh: '11 位手机号', patternEn: '11-digit mobile' }) },
  amount: { headers: ['金额', 'Amount'], parse: p.decimal({ scale: 2, min: 0 }) },
  visits: { headers: ['拜访次数', 'Visits'], parse: p.int({ min: 0 }) },
  since: { headers: ['建档日期', 'Since'], parse: p.date() },
  channel: { headers: ['渠道', 'Channel'], parse: p.enum({ DIRECT: ['直销', 'direct'], DEALER: ['经销', 'dealer'] }) },
};

const CSV = '客户名称,电话,金额,拜访次数,建档日期,渠道\n华东精密机械有限公司,13800138000,"1,234.50",3,2026/3/5,直销\n"引号""公司""\n换行",１３９００１３９０００,12,0,2026年3月6日,经销\n';

describe('readTabular', () => {
  it('reads a UTF-8 CSV with a BOM and strips it from the first header', async () => {
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]);
    const r = await readTabular(file, { columns, fileName: 'c.csv' });
    expect(r.encoding).toBe('utf8');
    expect(r.headers[0]).toBe('客户名称');
    expect(r.errors).toEqual([]);
    expect(r.rowCount).toBe(2);
    expect(r.rows[0].values).toEqual({
      name: '华东精密机械有限公司', phone: '13800138000', amount: 1234.5, visits: 3,
      since: new Date('2026-03-04T16:00:00Z'), channel: 'DIRECT',
    });
    expect(r.rows[1].values.name).toBe('引号"公司"\n换行');
    expect(r.rows[1].values.phone).toBe('13900139000'); // full-width digits
    expect(r.rows[1].row).toBe(3);
  });

  it('accepts a GBK CSV saved by Chinese Excel and decodes it', async () => {
    const file = encodeText(CSV.replace(/\n/g, '\r\n'), 'gb18030');
    expect(file.includes(Buffer.from('客户', 'utf8'))).toBe(false);
    const r = await readTabular(file, { columns, fileName: '客户.csv' });
    expect(r.encoding).toBe('gb18030');
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.values.name)).toEqual(['华东精密机械有限公司', '引号"公司"\r\n换行']);
  });

  it('decodes a streamed UTF-8 file whose characters are split across chunks', async () => {
    const bytes = Buffer.from(CSV, 'utf8');
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
    const r = await readTabular(Readable.from(chunks), { columns });
    expect(r.format).toBe('csv');
    expect(r.rows[0].values.name).toBe('华东精密机械有限公司');
  });

  it('reports every bad cell with row, column and a bilingual reason', async () => {
    const csv = 'Customer name,Phone,Amount,Visits,Since,Channel\n,123,abc,1.5,2026-02-30,online\nOK,13800138000,1.234,-1,2026-01-01,dealer\n';
    const r = await readTabular(Buffer.from(csv), { columns });
    expect(r.errorCount).toBe(8);
    expect(r.errors.map((e) => `${e.row}:${e.column}`)).toEqual([
      '2:Customer name', '2:Phone', '2:Amount', '2:Visits', '2:Since', '2:Channel', '3:Amount', '3:Visits',
    ]);
    expect(r.errors[0].reasonZh).toBe('必填项为空');
    expect(r.errors[6]).toMatchObject({ reasonZh: '小数位不能超过 2 位', reasonEn: 'at most 2 decimal places' });
    expect(r.rows[1].values.channel).toBe('DEALER');
  });

  it('reports a missing required column against the header row', async () => {
    const r = await readTabular(Buffer.from('电话\n13800138000\n'), { columns });
    expect(r.errors).toEqual([{ row: 1, column: '客户名称', reasonZh: '缺少必填列「客户名称」', reasonEn: 'required column "客户名称" is missing' }]);
    expect(r.rowCount).toBe(0);
  });

  it('refuses files over the byte and row limits', async () => {
    await expect(readTabular(Buffer.from(CSV), { columns, limits: { maxBytes: 10 } })).rejects.toMatchObject({ code: TabularErrorCode.TABULAR_FILE_TOO_LARGE });
    await expect(readTabular(Readable.from([Buffer.from(CSV)]), { columns, limits: { maxBytes: 10 } })).rejects.toMatchObject({ code: TabularErrorCode.TABULAR_FILE_TOO_LARGE });
    await expect(readTabular(Buffer.from(CSV), { columns, limits: { maxRows: 1 } })).rejects.toMatchObject({ code: TabularErrorCode.TABULAR_TOO_MANY_ROWS });
  });

  it('refuses old .xls files', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readTabular(ole, { columns })).rejects.toMatchObject({ code: TabularErrorCode.TABULAR_UNSUPPORTED_FORMAT });
  });

  it('streams the first sheet of an XLSX with date, number and rich-text cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['客户名称 *', '电话', '金额（元）', '拜访次数', '建档日期', '渠道']);
    ws.addRow([{ richText: [{ text: '华东' }, { text: '精密' }] }, '13800138000', 99.5, 2, new Date(Date.UTC(2026, 2, 5, 9, 30)), 'Direct']);
    ws.addRow([]);
    ws.addRow(['第二家', 13900139000, { formula: '1+1', result: 2 }, '4', '2026-03-06', '经销']);
    wb.addWorksheet('说明').addRow(['ignored']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const seen: number[] = [];
    const r = await readTabular(file, { columns, fileName: 'x.xlsx', keepRows: true, onRow: (row) => { seen.push(row.row); } });
    expect(r.format).toBe('xlsx');
    expect(r.errors).toEqual([]);
    expect(seen).toEqual([2, 4]);
    expect(r.rows[0].values).toMatchObject({ name: '华东精密', amount: 99.5, visits: 2, channel: 'DIRECT', since: new Date('2026-03-05T01:30:00Z') });
    expect(r.rows[1].values).toMatchObject({ name: '第二家', phone: '13900139000', amount: 2, visits: 4 });
  });
});
