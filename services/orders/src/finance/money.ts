/**
 * Money in this service is CNY with 2 decimals. Arithmetic is done in fen (integer cents) so sums
 * of many rows never drift; amounts go in and out of the API as yuan numbers.
 */
export function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function toYuan(fen: number): number {
  return fen / 100;
}

/** True when the number has at most two decimals (1.10, 3 → yes; 1.005 → no). */
export function hasAtMostTwoDecimals(yuan: number): boolean {
  return Number.isFinite(yuan) && Math.abs(yuan * 100 - Math.round(yuan * 100)) < 1e-6;
}

export function formatYuan(yuan: number): string {
  return yuan.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

export function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** First and last day (YYYY-MM-DD) and the number of days of a YYYY-MM month. */
export function monthBounds(month: string): { first: string; last: string; days: number } {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}`, days };
}

export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The calendar month before the one containing `now` (what a statement run on the 1st covers). */
export function previousMonth(now: Date): string {
  return addMonths(now.toISOString().slice(0, 7), -1);
}
