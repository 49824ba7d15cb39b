/** A cell as read from CSV (always text) or XLSX (text, number, boolean or Date). */
export type TabularCell = string | number | boolean | Date | null;

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; reasonZh: string; reasonEn: string };

/** Turns one non-empty cell into a typed value or a bilingual reason. Empty cells never reach it. */
export type ColumnParser<T> = (cell: Exclude<TabularCell, null>) => ParseOutcome<T>;

const ok = <T>(value: T): ParseOutcome<T> => ({ ok: true, value });
const fail = (reasonZh: string, reasonEn: string): ParseOutcome<never> => ({ ok: false, reasonZh, reasonEn });

/** Full-width ASCII (Ａ１，．) → half-width, ideographic space → space; Chinese Excel users type both. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
export function toHalfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text; // the common case: nothing to convert, no new string
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function cellText(cell: Exclude<TabularCell, null>): string {
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

export interface StringParserOptions {
  maxLength?: number;
  minLength?: number;
  pattern?: RegExp;
  /** What the pattern means, for the error message. */
  patternZh?: string;
  patternEn?: string;
  /** Convert full-width ASCII to half-width (codes, phones). */
  halfWidth?: boolean;
}

function stringParser(opts: StringParserOptions = {}): ColumnParser<string> {
  return (cell) => {
    let s = cellText(cell);
    if (typeof cell === 'number' && Number.isInteger(cell)) s = String(cell);
    if (opts.halfWidth) s = toHalfWidth(s).trim();
    if (opts.maxLength !== undefined && [...s].length > opts.maxLength) return fail(`长度超过 ${opts.maxLength} 个字符`, `longer than ${opts.maxLength} characters`);
    if (opts.minLength !== undefined && [...s].length < opts.minLength) return fail(`长度少于 ${opts.minLength} 个字符`, `shorter than ${opts.minLength} characters`);
    if (opts.pattern && !opts.pattern.test(s)) return fail(`格式不正确${opts.patternZh ? `（应为${opts.patternZh}）` : ''}`, `wrong format${opts.patternEn ? ` (expected ${opts.patternEn})` : ''}`);
    return ok(s);
  };
}

function parseNumberText(cell: Exclude<TabularCell, null>): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  // Thousands separators, currency signs and full-width digits are what people actually paste.
  const s = toHalfWidth(cell).trim().replace(/[,\s¥￥$]/g, '').replace(/元$/, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  return Number(s);
}

export interface NumberParserOptions { min?: number; max?: number }

function intParser(opts: NumberParserOptions = {}): ColumnParser<number> {
  return (cell) => {
    const n = parseNumberText(cell);
    if (n === null || !Number.isSafeInteger(n)) return fail('应为整数', 'must be a whole number');
    return range(n, opts);
  };
}

function range(n: number, opts: NumberParserOptions): ParseOutcome<number> {
  if (opts.min !== undefined && n < opts.min) return fail(`不能小于 ${opts.min}`, `must be at least ${opts.min}`);
  if (opts.max !== undefined && n > opts.max) return fail(`不能大于 ${opts.max}`, `must be at most ${opts.max}`);
  return ok(n);
}

export interface DecimalParserOptions extends NumberParserOptions {
  /** Most digits after the point (e.g. 2 for money); more is an error, not silent rounding. */
  scale?: number;
}

function decimalParser(opts: DecimalParserOptions = {}): ColumnParser<number> {
  return (cell) => {
    const n = parseNumberText(cell);
    if (n === null) return fail('应为数字', 'must be a number');
    if (opts.scale !== undefined) {
      const factor = 10 ** opts.scale;
      const scaled = n * factor;
      if (Math.abs(scaled - Math.round(scaled)) > 1e-6 * Math.max(1, Math.abs(scaled))) {
        return fail(`小数位不能超过 ${opts.scale} 位`, `at most ${opts.scale} decimal places`);
      }
      return range(Math.round(scaled) / factor, opts);
    }
    return range(n, opts);
  };
}

export interface DateParserOptions {
  /** Offset of the wall-clock times in the file from UTC, minutes. Default 480 (China, UTC+8). */
  utcOffsetMinutes?: number;
  min?: Date;
  max?: Date;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * Dates as people write them in Chinese spreadsheets: 2026-03-05, 2026/3/5, 2026年3月5日,
 * 2026.3.5, with an optional time (14:30 or 14:30:15), Excel serial numbers and XLSX date cells.
 * Wall-clock times are read in `utcOffsetMinutes` (XLSX dates carry no zone either).
 */
function dateParser(opts: DateParserOptions = {}): ColumnParser<Date> {
  const offsetMs = (opts.utcOffsetMinutes ?? 480) * 60_000;
  return (cell) => {
    let wallUtcMs: number | null = null;
    if (cell instanceof Date) wallUtcMs = cell.getTime();
    else if (typeof cell === 'number') wallUtcMs = cell > 0 && cell < 2958466 ? Math.round(EXCEL_EPOCH_MS + cell * 86_400_000) : null;
    else if (typeof cell === 'string') wallUtcMs = parseDateText(toHalfWidth(cell).trim());
    if (wallUtcMs === null || Number.isNaN(wallUtcMs)) return fail('日期格式不正确（应为 YYYY-MM-DD）', 'invalid date (expected YYYY-MM-DD)');
    const value = new Date(wallUtcMs - offsetMs);
    if (opts.min && value < opts.min) return fail('日期早于允许范围', 'date is too early');
    if (opts.max && value > opts.max) return fail('日期晚于允许范围', 'date is too late');
    return ok(value);
  };
}

function parseDateText(s: string): number | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/.exec(s);
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', se = '0'] = m.slice(1);
  const yy = Number(y), mm = Number(mo), dd = Number(d), hh = Number(h), mn = Number(mi), ss = Number(se);
  if (mm < 1 || mm > 12 || dd < 1 || hh > 23 || mn > 59 || ss > 59) return null;
  const t = Date.UTC(yy, mm - 1, dd, hh, mn, ss);
  if (new Date(t).getUTCDate() !== dd) return null; // 2月30日
  return t;
}

/**
 * Maps what people type to a canonical value: `{ VISIT: ['拜访', 'visit'], CALL: ['电话', 'call'] }`.
 * Matching ignores case, spaces and full-width forms; the canonical key itself is always accepted.
 */
function enumParser<K extends string>(choices: Record<K, readonly string[]>): ColumnParser<K> {
  const lookup = new Map<string, K>();
  const norm = (s: string) => toHalfWidth(s).replace(/\s+/g, '').toLowerCase();
  for (const key of Object.keys(choices) as K[]) {
    lookup.set(norm(key), key);
    for (const alias of choices[key]) lookup.set(norm(alias), key);
  }
  const shown = (Object.keys(choices) as K[]).map((k) => choices[k][0] ?? k).join(' / ');
  return (cell) => {
    const key = lookup.get(norm(cellText(cell)));
    return key === undefined ? fail(`取值无效，可选：${shown}`, `not one of: ${shown}`) : ok(key);
  };
}

function booleanParser(): ColumnParser<boolean> {
  const yes = new Set(['是', 'y', 'yes', 'true', '1', '√', '对']);
  const no = new Set(['否', 'n', 'no', 'false', '0', '×', '错']);
  return (cell) => {
    if (typeof cell === 'boolean') return ok(cell);
    const s = toHalfWidth(cellText(cell)).toLowerCase();
    if (yes.has(s)) return ok(true);
    if (no.has(s)) return ok(false);
    return fail('应为 是/否', 'must be yes / no');
  };
}

export const columnParsers = {
  string: stringParser,
  int: intParser,
  decimal: decimalParser,
  date: dateParser,
  enum: enumParser,
  boolean: booleanParser,
};
