import { Injectable, OnModuleInit } from '@nestjs/common';
import { createLogger, monthlyOn, ScheduledJobs } from '@lianxiao/platform';
import { addMonths } from '../finance/money';
import { StatementService } from './statement.service';

export const MONTHLY_STATEMENTS_JOB = 'orders.monthly-statements';
/** Beijing time: statements go out at 01:00 on the 1st. */
const UTC_OFFSET_MINUTES = 480;
/** After a long outage, catch up at most this many months. */
const MAX_CATCH_UP_MONTHS = 12;

/** The month(s) a run for `slot` covers: the month before the slot's local date, plus any skipped ones. */
export function monthsForSlot(slot: Date, skippedSlots: number): string[] {
  const localMonth = new Date(slot.getTime() + UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 7);
  const latest = addMonths(localMonth, -1);
  const extra = Math.min(skippedSlots, MAX_CATCH_UP_MONTHS - 1);
  const months: string[] = [];
  for (let k = extra; k >= 0; k--) months.push(addMonths(latest, -k));
  return months;
}

/**
 * On the 1st of each month, once per cluster (lease in the scheduler), the previous month's
 * statements; after downtime the missed months too (generation keeps what exists, so a re-run
 * never mails twice), then anything still waiting to be mailed.
 */
@Injectable()
export class StatementSchedule implements OnModuleInit {
  private readonly logger = createLogger('orders.statement-schedule');

  constructor(
    private readonly jobs: ScheduledJobs,
    private readonly statements: StatementService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: MONTHLY_STATEMENTS_JOB,
      due: monthlyOn(1, { hour: 1, utcOffsetMinutes: UTC_OFFSET_MINUTES }),
      leaseMs: 15 * 60_000,
      run: async (slot, ctx) => {
        for (const month of monthsForSlot(slot, ctx.skippedSlots)) {
          const statements = await this.statements.generate(month, 'SCHEDULE', undefined, { awaitDelivery: true });
          this.logger.info({ month, statements: statements.length }, 'monthly statements run');
        }
        await this.statements.deliverPending();
      },
    });
  }
}
