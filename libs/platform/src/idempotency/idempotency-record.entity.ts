import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * "Key K in scope S was used for payload P and answered R", inserted in the same transaction as
 * the effect. The primary key makes a concurrent second use wait and then fail on insert.
 */
@Entity('idempotency_record')
export class IdempotencyRecord {
  /** What the key is for, e.g. `payments.recordPayment` (keys are unique per scope). */
  @PrimaryColumn('varchar', { length: 100 })
  scope: string;

  @PrimaryColumn('varchar', { length: 64 })
  idempotencyKey: string;

  /** sha256 of the canonical JSON of the request payload. */
  @Column('varchar', { length: 64 })
  payloadHash: string;

  /** Canonical JSON of what the first call answered (null while it runs). */
  @Column('text', { nullable: true })
  result: string | null;

  @Column('varchar', { length: 36, nullable: true })
  userId: string | null;

  @Column('datetime', { precision: 3 })
  createdAt: Date;
}
