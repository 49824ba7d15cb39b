import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One event waiting to be (or already) published, written in the same transaction as the state
 * change it reports. `seq` gives the publishing order; `id` is the CloudEvent id.
 */
@Entity('outbox_event')
@Index('IDX_outbox_event_unpublished', ['publishedAt', 'seq'])
@Index('IDX_outbox_event_key', ['messageKey', 'seq'])
export class OutboxEvent {
  /**
   * INT UNSIGNED, not BIGINT: SQLite only auto-increments an INTEGER primary key and the entity
   * serves both databases. 4.29 billion events is decades at this system's volume.
   */
  @PrimaryGeneratedColumn('increment', { type: 'int', unsigned: true })
  seq: number;

  @Index('UQ_outbox_event_id', { unique: true })
  @Column('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 200 })
  topic: string;

  /** Aggregate id: the Kafka message key, so order per aggregate holds. */
  @Column('varchar', { length: 200 })
  messageKey: string;

  /** The CloudEvent, JSON. */
  @Column('text')
  payload: string;

  @Column('simple-json', { nullable: true })
  headers: Record<string, string> | null;

  @Column('datetime', { precision: 3 })
  createdAt: Date;

  @Column('datetime', { precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;
}
