import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One change to one entity, written in the same transaction as the change and chained to the
 * previous entry of the same service: hash = sha256(prevHash + canonical JSON of the entry).
 */
@Entity('audit_entry')
@Index('IDX_audit_entry_entity', ['entityType', 'entityId'])
@Index('IDX_audit_entry_user', ['userId', 'seq'])
@Index('IDX_audit_entry_time', ['occurredAt'])
export class AuditEntry {
  /** Position in the service's chain: 1, 2, 3 … without gaps. */
  @PrimaryColumn('int', { unsigned: true })
  seq: number;

  @Column('datetime', { precision: 3 })
  occurredAt: Date;

  @Column('varchar', { length: 64, nullable: true })
  requestId: string | null;

  /** Null for an anonymous request (e.g. a failed login). */
  @Column('varchar', { length: 36, nullable: true })
  userId: string | null;

  @Column('varchar', { length: 64, nullable: true })
  username: string | null;

  /** Comma-separated roles of the caller at the time. */
  @Column('varchar', { length: 200, nullable: true })
  roles: string | null;

  /** INSERT, UPDATE or DELETE. */
  @Column('varchar', { length: 10 })
  action: string;

  /** Entity class name, e.g. `Contract`. */
  @Column('varchar', { length: 100 })
  entityType: string;

  @Column('varchar', { length: 200 })
  entityId: string;

  /** Canonical JSON of the changed fields before (null for INSERT). Sensitive values redacted. */
  @Column('text', { nullable: true })
  before: string | null;

  /** Canonical JSON of the changed fields after (null for DELETE). Sensitive values redacted. */
  @Column('text', { nullable: true })
  after: string | null;

  @Column('varchar', { length: 64 })
  prevHash: string;

  @Column('varchar', { length: 64 })
  hash: string;
}

/** The one-row head of the chain; locked (FOR UPDATE) while a transaction appends entries. */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryColumn('varchar', { length: 20 })
  id: string;

  @Column('int', { unsigned: true })
  seq: number;

  @Column('varchar', { length: 64 })
  hash: string;
}
