/**
 * When a job falls due. `next(after)` is the first due time strictly after `after`; the runner
 * walks it forward from the last handled slot, so a schedule needs no "previous" function.
 */
export interface JobSchedule {
  next(after: Date): Date;
  /** For logs and status pages. */
  describe: string;
}

const MINUTE = 60_000;

/** Every `ms` milliseconds, aligned to the epoch (all replicas agree on the slots). */
export function everyMs(ms: number): JobSchedule {
  if (!Number.isFinite(ms) || ms <= 0) throw new Error(`schedule interval must be > 0 ms, got ${ms}`);
  return {
    describe: `every ${ms} ms`,
    next: (after) => new Date(Math.floor(after.getTime() / ms) * ms + ms),
  };
}

export interface WallClockTime {
  hour?: number;
  minute?: number;
  /** Offset of the wall clock from UTC; default +08:00 (China Standard Time). */
  utcOffsetMinutes?: number;
}

/** Every day at hour:minute wall-clock time. */
export function dailyAt(time: WallClockTime = {}): JobSchedule {
  const { hour = 0, minute = 0, utcOffsetMinutes = 480 } = time;
  return {
    describe: `daily at ${pad(hour)}:${pad(minute)} UTC${offsetLabel(utcOffsetMinutes)}`,
    next: (after) => {
      const local = new Date(after.getTime() + utcOffsetMinutes * MINUTE);
      let candidate = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour, minute) - utcOffsetMinutes * MINUTE;
      if (candidate <= after.getTime()) candidate += 24 * 60 * MINUTE;
      return new Date(candidate);
    },
  };
}

/** Every week on `weekday` (0 = Sunday … 6 = Saturday) at hour:minute wall-clock time. */
export function weeklyOn(weekday: number, time: WallClockTime = {}): JobSchedule {
  const daily = dailyAt(time);
  const offset = time.utcOffsetMinutes ?? 480;
  return {
    describe: `weekly on day ${weekday}, ${daily.describe}`,
    next: (after) => {
      let candidate = daily.next(after);
      while (new Date(candidate.getTime() + offset * MINUTE).getUTCDay() !== weekday) candidate = daily.next(candidate);
      return candidate;
    },
  };
}

/** Every month on `day` (1–28) at hour:minute wall-clock time, e.g. statements on the 1st. */
export function monthlyOn(day: number, time: WallClockTime = {}): JobSchedule {
  if (day < 1 || day > 28) throw new Error(`monthly day must be 1–28, got ${day}`);
  const { hour = 0, minute = 0, utcOffsetMinutes = 480 } = time;
  return {
    describe: `monthly on day ${day} at ${pad(hour)}:${pad(minute)} UTC${offsetLabel(utcOffsetMinutes)}`,
    next: (after) => {
      const local = new Date(after.getTime() + utcOffsetMinutes * MINUTE);
      let year = local.getUTCFullYear();
      let month = local.getUTCMonth();
      for (;;) {
        const candidate = Date.UTC(year, month, day, hour, minute) - utcOffsetMinutes * MINUTE;
        if (candidate > after.getTime()) return new Date(candidate);
        month += 1;
        if (month === 12) {
          month = 0;
          year += 1;
        }
      }
    },
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
