import { Readable } from 'node:stream';
import { DomainError } from '../errors/domain-error';
import { csvRecordBatches } from './csv-records';
import { xlsxRecords } from './xlsx-records';
import { type ColumnParser, type TabularCell, toHalfWidth } from './column-parsers';
import { type RowError, TabularErrorCode } from './row-error';
import { createTextDecoder, detectTextEncoding, type TextEncodingName } from './text-encoding';

export interface TabularColumn<T> {
  /** Header texts accepted for this column, e.g. ['客户名称', 'Customer name', 'name']. The first is shown in errors when the column is missing. */
  headers: readonly string[];
  parse: ColumnParser<T>;
  required?: boolean;
}

export type TabularColumns<T> = { [K in keyof T]: TabularColumn<T[K]> };

export interface TabularLimits {
  /** Default 50 MiB. */
  maxBytes?: number;
  /** Data rows (header excluded). Default 200,000. */
  maxRows?: number;
  /** Errors kept in `errors` (all are counted in `errorCount`). Default 1,000. */
  maxErrors?: number;
}

export type TabularFormat = 'csv' | 'xlsx';

export interface TabularReadOptions<T> {
  columns: TabularColumns<T>;
  /** Default: from the file name extension, else from the first bytes (zip → xlsx). */
  format?: TabularFormat | 'auto';
  fileName?: string;
  limits?: TabularLimits;
  /** Called for every data row in file order (e.g. to insert in chunks or report progress). */
  onRow?: (row: TabularRow<T>) => void | Promise<void>;
  /** Keep rows in the result (default true). Turn off when `onRow` consumes them. */
  keepRows?: boolean;
}

export interface TabularRow<T> {
  /** 1-based row number in the file (header is usually row 1). */
  row: number;
  /** Parsed values; an empty or invalid cell is null. */
  values: { [K in keyof T]: T[K] | null };
  errors: RowError[];
}

export interface TabularReadResult<T> {
  format: TabularFormat;
  /** Only for CSV. */
  encoding?: TextEncodingName;
  /** Header texts as found in the file. */
  headers: string[];
  /** The file's header text for each mapped column key (for reporting problems found later). */
  columnHeaders: Partial<Record<keyof T, string>>;
  /** Data rows read (empty lines skipped). */
  rowCount: number;
  rows: TabularRow<T>[];
  /** First `maxErrors` errors in file order, header problems first. */
  errors: RowError[];
  errorCount: number;
}

const DEFAULT_LIMITS: Required<TabularLimits> = { maxBytes: 50 * 1024 * 1024, maxRows: 200_000, maxErrors: 1_000 };

/**
 * Reads an uploaded CSV or XLSX into typed rows with a row-level error report, streaming: the
 * file is never held as a whole workbook and limits are enforced while reading. Too large / too
 * many rows / unreadable files are refused with a DomainError; cell problems are reported, not thrown.
 */
export async function readTabular<T>(input: Buffer | Readable, options: TabularReadOptions<T>): Promise<TabularReadResult<T>> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const keepRows = options.keepRows ?? true;
  const bytes = byteSource(input, limits.maxBytes);
  const head = await bytes.peek(64 * 1024);
  const format = resolveFormat(options.format ?? 'auto', options.fileName, head);

  let encoding: TextEncodingName | undefined;
  let records: AsyncIterable<Array<{ row: number; cells: TabularCell[] }>>;
  if (format === 'csv') {
    const detected = detectTextEncoding(head);
    encoding = detected.encoding;
    records = numbered(csvRecordBatches(decodeText(bytes.chunks(), detected.encoding, detected.bomLength)));
  } else {
    records = xlsxRecords(Readable.from(bytes.chunks()));
  }

  const result: TabularReadResult<T> = { format, encoding, headers: [], columnHeaders: {}, rowCount: 0, rows: [], errors: [], errorCount: 0 };
  const addError = (e: RowError) => {
    result.errorCount++;
    if (result.errors.length < limits.maxErrors) result.errors.push(e);
  };
  const keys = Object.keys(options.columns) as Array<keyof T & string>;
  let columnIndex: Array<{ key: keyof T & string; index: number; header: string }> | null = null;

  try {
    outer: for await (const batch of records) for (const rec of batch) {
      if (rec.cells.every(isBlank)) continue;
      if (!columnIndex) {
        result.headers = rec.cells.map((c) => (c === null ? '' : String(c).trim()));
        const mapped = mapHeaders(result.headers, options.columns, keys);
        columnIndex = mapped.columns;
        for (const c of mapped.columns) result.columnHeaders[c.key] = c.header;
        for (const key of mapped.missing) {
          const label = options.columns[key].headers[0] ?? key;
          addError({ row: rec.row, column: label, reasonZh: `缺少必填列「${label}」`, reasonEn: `required column "${label}" is missing` });
        }
        if (mapped.missing.length) break outer;
        continue;
      }
      result.rowCount++;
      if (result.rowCount > limits.maxRows) {
        throw new DomainError(TabularErrorCode.TABULAR_TOO_MANY_ROWS, `文件行数超过上限 ${limits.maxRows} 行`, `The file has more than ${limits.maxRows} data rows`, [], 413);
      }
      const row = parseRow(rec, columnIndex, options.columns, keys);
      for (const e of row.errors) addError(e);
      if (keepRows) result.rows.push(row);
      if (options.onRow) {
        const pendingRow = options.onRow(row);
        if (pendingRow) await pendingRow;
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(TabularErrorCode.TABULAR_UNREADABLE, `无法读取文件：${(error as Error).message}`, `The file could not be read: ${(error as Error).message}`);
  }
  if (!columnIndex) {
    addError({ row: 1, column: '', reasonZh: '文件为空（没有表头行）', reasonEn: 'the file is empty (no header row)' });
  }
  return result;
}

function isBlank(c: TabularCell): boolean {
  return c === null || (typeof c === 'string' && c.trim() === '');
}

export function normaliseHeader(h: string): string {
  return toHalfWidth(h)
    .replace(/[(（][^)）]*[)）]/g, '') // "联系电话(必填)" / "金额（元）"
    .replace(/[\s*:：]/g, '')
    .toLowerCase();
}

function mapHeaders<T>(headers: string[], columns: TabularColumns<T>, keys: Array<keyof T & string>) {
  const byText = new Map<string, number>();
  headers.forEach((h, i) => {
    const n = normaliseHeader(h);
    if (n && !byText.has(n)) byText.set(n, i);
  });
  const mapped: Array<{ key: keyof T & string; index: number; header: string }> = [];
  const missing: Array<keyof T & string> = [];
  for (const key of keys) {
    const col = columns[key];
    const candidates = [...col.headers, key].map(normaliseHeader);
    const index = candidates.map((c) => byText.get(c)).find((i) => i !== undefined);
    if (index === undefined) {
      if (col.required) missing.push(key);
    } else mapped.push({ key, index, header: headers[index] });
  }
  return { columns: mapped, missing };
}

function parseRow<T>(
  rec: { row: number; cells: TabularCell[] },
  columnIndex: Array<{ key: keyof T & string; index: number; header: string }>,
  columns: TabularColumns<T>,
  keys: Array<keyof T & string>,
): TabularRow<T> {
  const values = {} as { [K in keyof T]: T[K] | null };
  for (const key of keys) values[key] = null;
  const errors: RowError[] = [];
  for (const { key, index, header } of columnIndex) {
    const col = columns[key];
    const cell = rec.cells[index] ?? null;
    if (isBlank(cell)) {
      if (col.required) errors.push({ row: rec.row, column: header, reasonZh: '必填项为空', reasonEn: 'required value is empty' });
      continue;
    }
    const out = col.parse(typeof cell === 'string' ? cell.trim() : (cell as Exclude<TabularCell, null>));
    if (out.ok) values[key] = out.value;
    else errors.push({ row: rec.row, column: header, reasonZh: out.reasonZh, reasonEn: out.reasonEn });
  }
  return { row: rec.row, values, errors };
}

function resolveFormat(format: TabularFormat | 'auto', fileName: string | undefined, head: Buffer): TabularFormat {
  if (format !== 'auto') return format;
  const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const isZip = head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
  const isOle = head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0;
  if (ext === 'xls' || isOle) {
    throw new DomainError(TabularErrorCode.TABULAR_UNSUPPORTED_FORMAT, '不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV', 'Old .xls files are not supported; save as .xlsx or CSV', [], 415);
  }
  if (ext === 'xlsx' || isZip) return 'xlsx';
  if (ext === undefined || ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  throw new DomainError(TabularErrorCode.TABULAR_UNSUPPORTED_FORMAT, `不支持的文件类型 .${ext}（仅支持 CSV、XLSX）`, `Unsupported file type .${ext} (CSV or XLSX only)`, [], 415);
}

async function* numbered(batches: AsyncIterable<string[][]>): AsyncGenerator<Array<{ row: number; cells: TabularCell[] }>> {
  let row = 0;
  for await (const batch of batches) yield batch.map((cells) => ({ row: ++row, cells }));
}

async function* decodeText(chunks: AsyncIterable<Buffer>, encoding: TextEncodingName, bomLength: number): AsyncGenerator<string> {
  const decoder = createTextDecoder(encoding);
  let skip = bomLength;
  for await (let chunk of chunks) {
    if (skip) {
      const n = Math.min(skip, chunk.length);
      chunk = chunk.subarray(n);
      skip -= n;
    }
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

/** Byte chunks of the input with a size limit and a peek at the start (for format and encoding). */
function byteSource(input: Buffer | Readable, maxBytes: number) {
  const tooLarge = () =>
    new DomainError(TabularErrorCode.TABULAR_FILE_TOO_LARGE, `文件超过大小上限 ${formatBytes(maxBytes)}`, `The file is larger than the limit of ${formatBytes(maxBytes)}`, [], 413);
  if (Buffer.isBuffer(input)) {
    if (input.length > maxBytes) throw tooLarge();
    const slice = 1 << 20;
    return {
      peek: async (n: number) => input.subarray(0, n),
      chunks: async function* () {
        for (let i = 0; i < input.length; i += slice) yield input.subarray(i, i + slice);
      },
    };
  }
  const iterator = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const buffered: Buffer[] = [];
  let total = 0;
  let done = false;
  const pull = async (): Promise<Buffer | null> => {
    const next = await iterator.next();
    if (next.done) { done = true; return null; }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    total += chunk.length;
    if (total > maxBytes) {
      input.destroy();
      throw tooLarge();
    }
    return chunk;
  };
  return {
    peek: async (n: number) => {
      while (!done && buffered.reduce((s, b) => s + b.length, 0) < n) {
        const c = await pull();
        if (c) buffered.push(c);
      }
      return Buffer.concat(buffered).subarray(0, n);
    },
    chunks: async function* () {
      while (buffered.length) yield buffered.shift() as Buffer;
      while (!done) {
        const c = await pull();
        if (c) yield c;
      }
    },
  };
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
}
