import { DataSource } from 'typeorm';
import { dailyAt, everyMs, monthlyOn } from './job-schedule';
import { ScheduledJobLease } from './scheduled-job-lease.entity';
import { ScheduledJobs } from './scheduled-jobs';
import { SCHEDULING_ENTITIES } from './scheduling-entities';

const HOUR = 3_600_000;

async function sqliteFile(): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: SCHEDULING_ENTITIES, synchronize: true });
  return dataSource.initialize();
}

describe('ScheduledJobs', () => {
  let dataSource: DataSource;
  let now: Date;
  const clock = () => now;

  beforeEach(async () => {
    dataSource = await sqliteFile();
    now = new Date('2026-11-23T10:00:00.000Z');
  });
  afterEach(() => dataSource.destroy());

  it('runs a due slot on exactly one of two contending replicas', async () => {
    const ran: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const a = new ScheduledJobs(dataSource, { owner: 'a', clock });
    const b = new ScheduledJobs(dataSource, { owner: 'b', clock });
    for (const [replica, name] of [[a, 'a'], [b, 'b']] as const) {
      replica.register({
        name: 'sweep',
        every: HOUR,
        run: async () => {
          ran.push(name);
          await gate;
        },
      });
    }
    // First sight anchors the job; its first slot is the next full hour.
    expect((await a.runDue())[0].outcome).toBe('not-due');
    now = new Date('2026-11-23T11:00:00.500Z');
    const first = a.runIfDue('sweep');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await b.runIfDue('sweep');
    expect(second.outcome).toBe('leased-elsewhere');
    release();
    expect((await first).outcome).toBe('ran');
    expect((await b.runIfDue('sweep')).outcome).toBe('not-due');
    expect(ran).toEqual(['a']);
    const row = await dataSource.getRepository(ScheduledJobLease).findOneByOrFail({ name: 'sweep' });
    expect(row).toMatchObject({ owner: null, runs: 1 });
    expect(row.lastDueSlot?.toISOString()).toBe('2026-11-23T11:00:00.000Z');
  });

  it('lets only one replica win when both read the row at the same time', async () => {
    const ran: string[] = [];
    const replicas = ['a', 'b', 'c'].map((owner) => {
      const jobs = new ScheduledJobs(dataSource, { owner, clock });
      jobs.register({ name: 'sweep', every: HOUR, firstRun: 'immediately', run: async () => void ran.push(owner) });
      return jobs;
    });
    const results = await Promise.all(replicas.map((r) => r.runIfDue('sweep')));
    expect(ran).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'ran')).toHaveLength(1);
  });

  it('catches up once after a restart for slots missed while down', async () => {
    const slots: { at: string; skipped: number }[] = [];
    const before = new ScheduledJobs(dataSource, { owner: 'old', clock });
    const register = (jobs: ScheduledJobs) =>
      jobs.register({ name: 'statements', due: monthlyOn(1, { hour: 2 }), run: async (at, ctx) => void slots.push({ at: at.toISOString(), skipped: ctx.skippedSlots }) });
    register(before);
    await before.runDue();
    // Down from November until mid-February: three 1st-of-month slots were missed.
    now = new Date('2027-02-15T00:00:00.000Z');
    const after = new ScheduledJobs(dataSource, { owner: 'new', clock });
    register(after);
    expect((await after.runDue())[0].outcome).toBe('ran');
    expect(await after.runDue()).toMatchObject([{ outcome: 'not-due', nextDueAt: new Date('2027-02-28T18:00:00.000Z') }]);
    expect(slots).toEqual([{ at: '2027-01-31T18:00:00.000Z', skipped: 2 }]);
  });

  it('takes over an expired lease left by a crashed replica, and keeps a failed slot due', async () => {
    await dataSource.getRepository(ScheduledJobLease).insert({ name: 'sweep', owner: 'crashed', expiresAt: new Date(now.getTime() - 1), lastDueSlot: new Date(now.getTime() - 2 * HOUR), runs: 3, version: 7 });
    let fail = true;
    const jobs = new ScheduledJobs(dataSource, { owner: 'live', clock });
    jobs.register({
      name: 'sweep',
      every: HOUR,
      run: async () => {
        if (fail) throw new Error('database busy');
      },
    });
    expect(await jobs.runDue()).toMatchObject([{ outcome: 'failed', error: 'database busy' }]);
    fail = false;
    expect(await jobs.runDue()).toMatchObject([{ outcome: 'ran' }]);
    const row = await dataSource.getRepository(ScheduledJobLease).findOneByOrFail({ name: 'sweep' });
    expect(row).toMatchObject({ owner: null, runs: 4, lastError: null });
  });

  it('walks wall-clock schedules in China time by default', () => {
    expect(dailyAt({ hour: 8 }).next(new Date('2026-11-23T00:00:00Z')).toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(everyMs(15 * 60_000).next(new Date('2026-11-23T10:07:00Z')).toISOString()).toBe('2026-11-23T10:15:00.000Z');
    expect(monthlyOn(1).next(new Date('2026-11-30T16:00:00Z')).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});
