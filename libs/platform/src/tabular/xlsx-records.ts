import { Readable } from 'node:stream';
import { exceljs } from '../lazy/lazy-modules';
import type { TabularCell } from './column-parsers';
import { installZipEndGuard } from './zip-end-guard';

/**
 * Rows of the FIRST worksheet (in batches) of an .xlsx, read with exceljs' streaming reader so a 100k-row
 * sheet never becomes a whole workbook in memory. Cells come back as plain values: rich text,
 * hyperlinks and formulas are reduced to their text / result.
 */
export async function* xlsxRecords(input: Readable): AsyncGenerator<Array<{ row: number; cells: TabularCell[] }>> {
  const excel = exceljs();
  installZipEndGuard();
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache', // needed so date-formatted numbers come back as Date
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let first = true;
  let batch: Array<{ row: number; cells: TabularCell[] }> = [];
  for await (const sheet of reader) {
    // Only the first sheet is data; instructions or lookups may follow on later sheets. Their rows
    // are still drained so the zip stream finishes cleanly.
    for await (const row of sheet) {
      if (!first) continue;
      const values = row.values as unknown[];
      const cells: TabularCell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
      batch.push({ row: row.number, cells });
      if (batch.length >= 500) {
        yield batch;
        batch = [];
      }
    }
    first = false;
  }
  if (batch.length) yield batch;
}

function plainCell(v: unknown): TabularCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((p) => p.text).join('');
    if ('result' in o) return plainCell(o.result);
    if ('text' in o) return plainCell(o.text);
    if ('error' in o) return null;
  }
  return String(v);
}
