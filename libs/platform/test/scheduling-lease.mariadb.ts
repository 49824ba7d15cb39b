import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database';
import { ScheduledJobs } from '../src/scheduling/scheduled-jobs';
import { SCHEDULING_ENTITIES } from '../src/scheduling/scheduling-entities';
import { SchedulingLease1795900000100 } from '../src/scheduling/scheduling-lease.migration';
import { ScheduledJobLease } from '../src/scheduling/scheduled-job-lease.entity';
import { createTestDatabase } from './mariadb-test-database';

const HOUR = 3_600_000;

describe('scheduled jobs on MariaDB: once per cluster', () => {
  let drop: () => Promise<void>;
  const replicas: DataSource[] = [];
  let now = new Date('2026-11-23T10:00:00.000Z');
  const clock = () => now;

  beforeAll(async () => {
    const db = await createTestDatabase([SchedulingLease1795900000100], '_sched');
    drop = db.drop;
    // One connection pool per "replica", all on the same schema built by the platform migration.
    for (let i = 0; i < 4; i++) {
      const ds = new DataSource({ ...dataSourceOptions({ databaseUrl: db.databaseUrl, entities: SCHEDULING_ENTITIES, migrations: [] }), migrationsRun: false });
      replicas.push(await ds.initialize());
    }
  });

  afterAll(async () => {
    for (const ds of replicas) await ds.destroy();
    await drop();
  });

  it('runs each due slot on exactly one of four contending replicas, and catches up once after downtime', async () => {
    const runs: { owner: string; slot: string }[] = [];
    const runners = replicas.map((ds, i) => {
      const jobs = new ScheduledJobs(ds, { owner: `replica-${i}`, clock });
      jobs.register({
        name: 'sweep',
        every: HOUR,
        run: async (slot) => {
          runs.push({ owner: `replica-${i}`, slot: slot.toISOString() });
          await new Promise((resolve) => setTimeout(resolve, 20));
        },
      });
      return jobs;
    });
    await Promise.all(runners.map((r) => r.runDue())); // first sight: anchors the job
    for (let hour = 1; hour <= 10; hour++) {
      now = new Date(Date.parse('2026-11-23T10:00:00.000Z') + hour * HOUR + 1_000);
      const outcomes = (await Promise.all(runners.map((r) => r.runIfDue('sweep')))).map((o) => o.outcome);
      expect(outcomes.filter((o) => o === 'ran')).toHaveLength(1);
    }
    expect(runs).toHaveLength(10);
    expect(new Set(runs.map((r) => r.slot)).size).toBe(10);

    // All replicas down for a day and a half: one catch-up run for the latest slot.
    now = new Date(now.getTime() + 36 * HOUR);
    const after = await Promise.all(runners.map((r) => r.runIfDue('sweep')));
    expect(after.filter((o) => o.outcome === 'ran')).toHaveLength(1);
    expect(runs).toHaveLength(11);
    const row = await replicas[0].getRepository(ScheduledJobLease).findOneByOrFail({ name: 'sweep' });
    expect(row).toMatchObject({ owner: null, runs: 11 });
    expect(row.lastDueSlot?.toISOString()).toBe(runs[10].slot);
  });
});
