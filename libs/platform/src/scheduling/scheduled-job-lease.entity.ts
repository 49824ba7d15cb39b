import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per scheduled job name: who holds the lease to run it now, and which due slot ran last
 * (so a slot that fell due while every replica was down runs once after the restart).
 * Every change bumps `version`; claiming is a compare-and-set on it, which works the same on
 * SQLite and MariaDB without row locks or database clock functions.
 */
@Entity('scheduled_job_lease')
export class ScheduledJobLease {
  @PrimaryColumn('varchar', { length: 100 })
  name: string;

  @Column('varchar', { length: 200, nullable: true })
  owner: string | null;

  @Column('datetime', { precision: 3, nullable: true })
  expiresAt: Date | null;

  /** The due slot handled by the last successful run (or the anchor set on first sight). */
  @Column('datetime', { precision: 3, nullable: true })
  lastDueSlot: Date | null;

  @Column('datetime', { precision: 3, nullable: true })
  lastRunAt: Date | null;

  @Column('int', { default: 0 })
  runs: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column('int', { default: 0 })
  version: number;
}
