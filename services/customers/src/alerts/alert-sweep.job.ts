import { Injectable, OnModuleInit } from '@nestjs/common';
import { ScheduledJobs } from '@lianxiao/platform';
import { AlertService } from './alert.service';

export const ALERT_SWEEP_JOB = 'customers.alert-sweep';
const DEFAULT_INTERVAL_MS = 15 * 60_000;

/** ALERT_SWEEP_INTERVAL_MS (default 15 min, at least 10 s); a wrong value stops start-up with a clear message. */
export function alertSweepIntervalMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.ALERT_SWEEP_INTERVAL_MS?.trim();
  if (!raw) return DEFAULT_INTERVAL_MS;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 10_000) {
    throw new Error(`ALERT_SWEEP_INTERVAL_MS must be a whole number of milliseconds ≥ 10000, got "${raw}"`);
  }
  return ms;
}

/** The periodic sweep, once per cluster through the scheduling lease; a missed slot runs once after a restart. */
@Injectable()
export class AlertSweepJob implements OnModuleInit {
  constructor(
    private readonly jobs: ScheduledJobs,
    private readonly alerts: AlertService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: ALERT_SWEEP_JOB,
      every: alertSweepIntervalMs(),
      // Evaluated as of the run, not the slot: a catch-up run judges the customers as they are now.
      run: async (_slot, ctx) => {
        await this.alerts.sweep({ at: ctx.now });
      },
    });
  }
}
