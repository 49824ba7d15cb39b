/**
 * Reading a weekly stock sheet (CSV or XLSX; GBK CSV from Chinese Excel accepted): one row per
 * SKU, batch and warehouse. Every problem is reported by row and column; nothing is partial.
 */
import { createHash } from 'node:crypto';
import { columnParsers as p, readTabular, RowError, TabularColumns } from '@lianxiao/platform';

export const DEFAULT_WAREHOUSE = '主仓';
export const MAX_STOCK_ROWS = 100_000;
export const MAX_STOCK_BYTES = 20 * 1024 * 1024;
const MAX_REPORTED_ERRORS = 200;

interface SheetRow { sku: string; quantity: number; batch: string; warehouse: string }

const COLUMNS: TabularColumns<SheetRow> = {
  sku: { headers: ['SKU', '物料编码', '产品编码', '商品编码', 'sku code'], parse: p.string({ maxLength: 32, halfWidth: true, minLength: 1 }), required: true },
  quantity: { headers: ['数量', '库存数量', '库存', 'quantity', 'qty'], parse: p.int({ min: 0, max: 10_000_000 }), required: true },
  batch: { headers: ['批次', '批号', 'batch', 'lot'], parse: p.string({ maxLength: 32, halfWidth: true }) },
  warehouse: { headers: ['仓库', '库位', 'warehouse'], parse: p.string({ maxLength: 32, halfWidth: true }) },
};

export interface StockSheetLine { skuCode: string; batch: string; warehouse: string; quantity: number }

export interface StockSheet {
  rowCount: number;
  lines: StockSheetLine[];
  errors: RowError[];
  errorCount: number;
  contentHash: string;
  totalQuantity: number;
  skuCount: number;
}

/** Canonical hash of the lines: independent of row order, file format and encoding. */
export function stockContentHash(lines: readonly StockSheetLine[]): string {
  const canonical = lines.map((l) => `${l.skuCode}\u0001${l.batch}\u0001${l.warehouse}\u0001${l.quantity}`).sort().join('\n');
  return createHash('sha256').update(canonical).digest('hex');
}

export async function readStockSheet(file: Buffer, fileName: string, knownSkus: ReadonlySet<string>): Promise<StockSheet> {
  const lines: StockSheetLine[] = [];
  const extra: RowError[] = [];
  let extraCount = 0;
  const firstRowOf = new Map<string, number>();
  const report = (e: RowError) => {
    extraCount++;
    if (extra.length < MAX_REPORTED_ERRORS) extra.push(e);
  };
  const read = await readTabular(file, {
    columns: COLUMNS,
    fileName,
    keepRows: false,
    limits: { maxBytes: MAX_STOCK_BYTES, maxRows: MAX_STOCK_ROWS, maxErrors: MAX_REPORTED_ERRORS },
    onRow: (row) => {
      if (row.errors.length) return;
      const v = row.values;
      const skuCode = (v.sku ?? '').toUpperCase();
      if (!knownSkus.has(skuCode)) {
        report({ row: row.row, column: 'SKU', reasonZh: `产品编码 ${v.sku} 不在产品目录中`, reasonEn: `SKU ${v.sku} is not in the catalogue` });
        return;
      }
      const line = { skuCode, batch: v.batch ?? '', warehouse: v.warehouse || DEFAULT_WAREHOUSE, quantity: v.quantity ?? 0 };
      const key = `${line.skuCode}\u0001${line.batch}\u0001${line.warehouse}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        report({ row: row.row, column: 'SKU', reasonZh: `与第 ${first} 行的产品、批次、仓库重复`, reasonEn: `same SKU, batch and warehouse as row ${first}` });
        return;
      }
      firstRowOf.set(key, row.row);
      lines.push(line);
    },
  });
  const errors = [...read.errors, ...extra].sort((a, b) => a.row - b.row).slice(0, MAX_REPORTED_ERRORS);
  let errorCount = read.errorCount + extraCount;
  if (read.rowCount === 0 && errorCount === 0) {
    errors.push({ row: 2, column: '', reasonZh: '表格没有任何库存行', reasonEn: 'the sheet has no stock rows' });
    errorCount = 1;
  }
  return {
    rowCount: read.rowCount, lines, errors, errorCount, contentHash: stockContentHash(lines),
    totalQuantity: lines.reduce((s, l) => s + l.quantity, 0), skuCount: new Set(lines.map((l) => l.skuCode)).size,
  };
}
