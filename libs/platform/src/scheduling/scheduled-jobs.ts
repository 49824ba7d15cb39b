import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import { createLogger, type Logger } from '../logging';
import { everyMs, type JobSchedule } from './job-schedule';
import { ScheduledJobLease } from './scheduled-job-lease.entity';

export interface JobRunContext {
  /** The clock's time when the run started. */
  now: Date;
  /** The due slot this run handles (the latest one when slots were missed). */
  slot: Date;
  /** Slots that fell due while nobody ran them and are covered by this one run. */
  skippedSlots: number;
}

export interface ScheduledJobDefinition {
  /** Unique per service: the lease row's key. */
  name: string;
  /** Either an interval in ms (aligned to the epoch) … */
  every?: number;
  /** … or a schedule (dailyAt, weeklyOn, monthlyOn, or your own `next(after)`). */
  due?: JobSchedule;
  /** `at` is the due slot being handled. A throw leaves the slot due for the next tick. */
  run(at: Date, context: JobRunContext): Promise<void>;
  /** How long a claim holds before another replica may take over; renewed while running. Default 5 min. */
  leaseMs?: number;
  /** `next-slot` (default): a new job waits for its first slot; `immediately`: runs on first sight. */
  firstRun?: 'next-slot' | 'immediately';
}

export type JobTickOutcome = 'ran' | 'failed' | 'not-due' | 'leased-elsewhere' | 'lost-race';

export interface JobTickResult {
  name: string;
  outcome: JobTickOutcome;
  slot?: Date;
  nextDueAt?: Date;
  error?: string;
}

export interface ScheduledJobsOptions {
  /** Identifies this replica in the lease row; default host:pid:random. */
  owner?: string;
  /** Injectable clock for tests; default `() => new Date()`. */
  clock?: () => Date;
  /** How often `start()` checks for due jobs; default 5 s. */
  tickMs?: number;
  logger?: Logger;
}

interface RegisteredJob {
  name: string;
  schedule: JobSchedule;
  run: ScheduledJobDefinition['run'];
  leaseMs: number;
  firstRun: 'next-slot' | 'immediately';
}

/** Guards the slot walk against a schedule that never advances. */
const MAX_SLOT_STEPS = 100_000;

/**
 * Periodic jobs that run once per cluster: every replica ticks, but a job's slot runs only on the
 * replica that wins the compare-and-set on its lease row. A slot missed while all replicas were
 * down runs once (for the latest missed slot) after the restart.
 */
export class ScheduledJobs {
  readonly owner: string;
  private readonly clock: () => Date;
  private readonly tickMs: number;
  private readonly log: Logger;
  private readonly jobs = new Map<string, RegisteredJob>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<unknown> | undefined;
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    options: ScheduledJobsOptions = {},
  ) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.clock = options.clock ?? (() => new Date());
    this.tickMs = options.tickMs ?? 5_000;
    this.log = options.logger ?? createLogger('scheduling');
  }

  register(definition: ScheduledJobDefinition): void {
    if (this.jobs.has(definition.name)) throw new Error(`scheduled job "${definition.name}" is registered twice`);
    const schedule = definition.due ?? (definition.every !== undefined ? everyMs(definition.every) : undefined);
    if (!schedule) throw new Error(`scheduled job "${definition.name}" needs "every" or "due"`);
    this.jobs.set(definition.name, {
      name: definition.name,
      schedule,
      run: definition.run,
      leaseMs: definition.leaseMs ?? 5 * 60_000,
      firstRun: definition.firstRun ?? 'next-slot',
    });
  }

  names(): string[] {
    return [...this.jobs.keys()];
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const loop = () => {
      if (!this.running) return;
      this.ticking = this.runDue()
        .catch((error: unknown) => this.log.warn({ err: String(error) }, 'scheduler tick failed'))
        .finally(() => {
          this.ticking = undefined;
          if (this.running) this.timer = setTimeout(loop, this.tickMs);
        });
    };
    this.timer = setTimeout(loop, Math.min(this.tickMs, 1_000));
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.ticking;
  }

  /** One tick: every registered job that is due runs (here or on another replica). */
  async runDue(): Promise<JobTickResult[]> {
    const results: JobTickResult[] = [];
    for (const job of this.jobs.values()) results.push(await this.tick(job));
    return results;
  }

  /** One tick of one job. */
  async runIfDue(name: string): Promise<JobTickResult> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no scheduled job "${name}"`);
    return this.tick(job);
  }

  /** Lease rows of the registered jobs (for health/status pages). */
  async status(): Promise<ScheduledJobLease[]> {
    const rows = await this.dataSource.getRepository(ScheduledJobLease).find({ order: { name: 'ASC' } });
    return rows.filter((r) => this.jobs.has(r.name));
  }

  private async tick(job: RegisteredJob): Promise<JobTickResult> {
    const repo = this.dataSource.getRepository(ScheduledJobLease);
    const now = this.clock();
    let row = await repo.findOneBy({ name: job.name });
    if (!row) {
      await repo
        .createQueryBuilder()
        .insert()
        .orIgnore()
        .values({ name: job.name, owner: null, expiresAt: null, lastDueSlot: job.firstRun === 'immediately' ? null : now, lastRunAt: null, runs: 0, lastError: null, version: 0 })
        .execute();
      row = await repo.findOneByOrFail({ name: job.name });
    }
    const due = this.dueSlot(job, row.lastDueSlot, now);
    if (!due) return { name: job.name, outcome: 'not-due', nextDueAt: job.schedule.next(row.lastDueSlot ?? now) };
    if (row.owner && row.owner !== this.owner && row.expiresAt && row.expiresAt.getTime() > now.getTime()) {
      return { name: job.name, outcome: 'leased-elsewhere', slot: due.slot };
    }
    let version = row.version + 1;
    const claimed = await this.compareAndSet(row.name, row.version, { owner: this.owner, expiresAt: new Date(now.getTime() + job.leaseMs), version });
    if (!claimed) return { name: job.name, outcome: 'lost-race', slot: due.slot };

    // Renew while the job runs, so a slow run is not taken over by another replica.
    let renewing = Promise.resolve();
    const heartbeat = setInterval(
      () => {
        renewing = renewing.then(async () => {
          const renewed = await this.compareAndSet(job.name, version, { expiresAt: new Date(this.clock().getTime() + job.leaseMs), version: version + 1 }, this.owner);
          if (renewed) version += 1;
        }).catch(() => undefined);
      },
      Math.max(1_000, Math.floor(job.leaseMs / 3)),
    );
    heartbeat.unref?.();
    try {
      await job.run(due.slot, { now, slot: due.slot, skippedSlots: due.skipped });
    } catch (error) {
      clearInterval(heartbeat);
      await renewing;
      const message = error instanceof Error ? error.message : String(error);
      await this.compareAndSet(job.name, version, { owner: null, expiresAt: null, lastError: message.slice(0, 2000), version: version + 1 }, this.owner);
      this.log.warn({ job: job.name, slot: due.slot.toISOString(), err: message }, 'scheduled job failed; the slot stays due');
      return { name: job.name, outcome: 'failed', slot: due.slot, error: message };
    }
    clearInterval(heartbeat);
    await renewing;
    const finished = await this.compareAndSet(
      job.name,
      version,
      { owner: null, expiresAt: null, lastDueSlot: due.slot, lastRunAt: this.clock(), runs: row.runs + 1, lastError: null, version: version + 1 },
      this.owner,
    );
    if (!finished) this.log.warn({ job: job.name }, 'lease was taken over while the job ran; the slot may run again');
    if (due.skipped > 0) this.log.info({ job: job.name, slot: due.slot.toISOString(), skippedSlots: due.skipped }, 'caught up on missed slots');
    return { name: job.name, outcome: 'ran', slot: due.slot, nextDueAt: job.schedule.next(due.slot) };
  }

  /** The latest slot ≤ now after the last handled one, or undefined when nothing is due. */
  private dueSlot(job: RegisteredJob, last: Date | null, now: Date): { slot: Date; skipped: number } | undefined {
    if (!last) return { slot: now, skipped: 0 };
    let slot = job.schedule.next(last);
    if (slot.getTime() > now.getTime()) return undefined;
    let skipped = 0;
    for (let i = 0; i < MAX_SLOT_STEPS; i++) {
      const following = job.schedule.next(slot);
      if (following.getTime() > now.getTime() || following.getTime() <= slot.getTime()) break;
      slot = following;
      skipped++;
    }
    return { slot, skipped };
  }

  private async compareAndSet(name: string, version: number, set: Partial<ScheduledJobLease>, owner?: string): Promise<boolean> {
    const qb = this.dataSource
      .createQueryBuilder()
      .update(ScheduledJobLease)
      .set(set)
      .where('name = :name AND version = :version', { name, version });
    if (owner) qb.andWhere('owner = :owner', { owner });
    const result = await qb.execute();
    return (result.affected ?? 0) === 1;
  }
}
