/** ISO weeks on the China wall clock (UTC+8): '2026-W48'. A stock sheet belongs to one week. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY = 86_400_000;
const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** The ISO week a moment falls in, China time. */
export function isoWeekOf(at: Date | number): string {
  const local = new Date((typeof at === 'number' ? at : at.getTime()) + CHINA_OFFSET_MS);
  const day = local.getUTCDay() || 7;
  const thursday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 4 - day));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / DAY + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function isIsoWeek(text: string): boolean {
  const m = WEEK_PATTERN.exec(text);
  if (!m) return false;
  const week = Number(m[2]);
  return week >= 1 && week <= 53 && isoWeekOf(weekStart(text)) === text;
}

/** Monday 00:00 China time of an ISO week, as a UTC instant. */
export function weekStart(isoWeek: string): Date {
  const m = WEEK_PATTERN.exec(isoWeek);
  if (!m) throw new Error(`not an ISO week: ${isoWeek}`);
  const year = Number(m[1]);
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Day = new Date(jan4).getUTCDay() || 7;
  const mondayWeek1 = jan4 - (jan4Day - 1) * DAY;
  return new Date(mondayWeek1 + (Number(m[2]) - 1) * 7 * DAY - CHINA_OFFSET_MS);
}

/** The Monday of the week as YYYY-MM-DD (the `asOf` of dealers.stock-uploaded.v1). */
export function weekMonday(isoWeek: string): string {
  return new Date(weekStart(isoWeek).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `count` consecutive weeks ending with the week of `at`, oldest first. */
export function weeksEndingAt(at: Date | number, count: number): string[] {
  const start = weekStart(isoWeekOf(at)).getTime();
  return Array.from({ length: count }, (_, i) => isoWeekOf(start - (count - 1 - i) * 7 * DAY + DAY));
}

/** How many weeks `later` is after `earlier` (both ISO weeks). */
export function weeksBetween(earlier: string, later: string): number {
  return Math.round((weekStart(later).getTime() - weekStart(earlier).getTime()) / (7 * DAY));
}
