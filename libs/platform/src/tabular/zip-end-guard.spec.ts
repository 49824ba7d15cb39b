import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { guardEndOfStream } from './zip-end-guard';
import { readTabular } from './read-tabular';
import { columnParsers as p } from './column-parsers';

// The same unzipper and entry iterator exceljs' streaming reader uses.
const fromExcelJs = createRequire(require.resolve('exceljs'));
const unzipper = fromExcelJs('unzipper') as { Parse: (o: object) => NodeJS.ReadWriteStream & { readableEnded: boolean } };
const iterateStream = fromExcelJs('./lib/utils/iterate-stream') as (s: NodeJS.ReadableStream) => AsyncIterable<{ path: string; autodrain(): void }>;

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('客户').addRow(['客户名称', '电话']);
  wb.addWorksheet('说明').addRow(['ignored']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Entry names in the zip's central directory order (local headers, as written by exceljs). */
function entryNames(zip: Buffer): string[] {
  const names: string[] = [];
  for (let at = 0; zip.readUInt32LE(at) === 0x04034b50; ) {
    const nameLength = zip.readUInt16LE(at + 26);
    names.push(zip.subarray(at + 30, at + 30 + nameLength).toString());
    at += 30 + nameLength + zip.readUInt16LE(at + 28) + zip.readUInt32LE(at + 18);
  }
  return names;
}

/**
 * Reads entries the way exceljs does. Over the first entry it waits until unzipper has parsed the
 * whole zip, as a slow temp-file write does under load, so the race goes the bad way every time.
 */
async function slowlyReadEntries(parse: NodeJS.ReadWriteStream, zip: Buffer): Promise<string[]> {
  const parsedAll = once(parse, 'finish');
  Readable.from([zip]).pipe(parse);
  const seen: string[] = [];
  for await (const entry of iterateStream(parse)) {
    seen.push(entry.path);
    entry.autodrain();
    if (seen.length === 1) await Promise.race([parsedAll, sleep(2000)]);
  }
  return seen;
}

describe('zip end guard', () => {
  it('unguarded, unzipper ends the entry stream after the first entry when the reader is slow (the exceljs failure)', async () => {
    const zip = await workbook();
    const seen = await slowlyReadEntries(unzipper.Parse({ forceStream: true }), zip);
    expect(entryNames(zip)).toContain('xl/workbook.xml');
    expect(seen).toEqual(entryNames(zip).slice(0, 1));
  });

  it('guarded, every entry reaches the slow reader, the workbook part last', async () => {
    const zip = await workbook();
    const seen = await slowlyReadEntries(guardEndOfStream(unzipper.Parse({ forceStream: true })), zip);
    expect(seen).toEqual(entryNames(zip));
    expect(seen.at(-1)).toBe('xl/workbook.xml');
  });

  it('an XLSX read while the CPU is busy elsewhere still finds its header and rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['客户名称', '建档日期']);
    for (let i = 1; i <= 50; i++) ws.addRow([`客户${i}`, new Date(Date.UTC(2026, 0, i))]);
    wb.addWorksheet('说明').addRow(['ignored']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const columns = { name: { headers: ['客户名称'], parse: p.string({ maxLength: 50 }), required: true }, since: { headers: ['建档日期'], parse: p.date() } };
    // Twenty reads at once keep each one waiting on the others between entries.
    const reads = await Promise.all(Array.from({ length: 20 }, () => readTabular(file, { columns, fileName: 'x.xlsx' })));
    for (const r of reads) {
      expect(r.errors).toEqual([]);
      expect(r.rowCount).toBe(50);
      expect(r.rows[49].values).toEqual({ name: '客户50', since: new Date('2026-02-18T16:00:00Z') }); // 2026-02-19 00:00 in China
    }
  });
});
