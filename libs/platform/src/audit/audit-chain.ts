import type { QueryRunner } from 'typeorm';
import { canonicalJson, sha256Hex } from './canonical-json';
import { AuditChainHead, AuditEntry } from './audit-entry.entity';

export const AUDIT_GENESIS_HASH = '0'.repeat(64);
export const AUDIT_CHAIN_ID = 'audit';

/** An entry before it has a place in the chain. */
export type AuditDraft = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/** The exact text hashed for an entry: every stored field except the hash itself. */
export function auditHashInput(entry: Omit<AuditEntry, 'hash'>): string {
  return canonicalJson({
    seq: Number(entry.seq),
    occurredAt: new Date(entry.occurredAt).toISOString(),
    requestId: entry.requestId ?? null,
    userId: entry.userId ?? null,
    username: entry.username ?? null,
    roles: entry.roles ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    prevHash: entry.prevHash,
  });
}

export function auditEntryHash(entry: Omit<AuditEntry, 'hash'>): string {
  return sha256Hex(entry.prevHash + auditHashInput(entry));
}

function isMysql(queryRunner: QueryRunner): boolean {
  const type = queryRunner.connection.options.type;
  return type === 'mysql' || type === 'mariadb';
}

/**
 * Appends entries to the service's chain inside the transaction of `queryRunner`. The one-row
 * chain head is locked (SELECT … FOR UPDATE on MariaDB; SQLite has one writer at a time), so
 * concurrent transactions append one after the other and seq has no gaps. Called at commit time,
 * after the business rows were written, so the head lock is held only for the commit itself.
 */
export async function appendAuditEntries(queryRunner: QueryRunner, drafts: readonly AuditDraft[]): Promise<AuditEntry[]> {
  if (!drafts.length) return [];
  const manager = queryRunner.manager;
  if (isMysql(queryRunner)) {
    // Creates the head on first use and takes its exclusive lock in one statement. (INSERT IGNORE
    // would take a shared lock on the existing row; two transactions holding it and both asking
    // for the exclusive lock next deadlock.)
    await queryRunner.query('INSERT INTO `audit_chain_head` (`id`, `seq`, `hash`) VALUES (?, 0, ?) ON DUPLICATE KEY UPDATE `id` = `id`', [AUDIT_CHAIN_ID, AUDIT_GENESIS_HASH]);
  } else {
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditChainHead)
      .values({ id: AUDIT_CHAIN_ID, seq: 0, hash: AUDIT_GENESIS_HASH })
      .orIgnore()
      .updateEntity(false)
      .callListeners(false)
      .execute();
  }
  const headQuery = manager.getRepository(AuditChainHead).createQueryBuilder('head').where('head.id = :id', { id: AUDIT_CHAIN_ID });
  if (isMysql(queryRunner)) headQuery.setLock('pessimistic_write');
  const head = await headQuery.getOneOrFail();
  let seq = Number(head.seq);
  let prevHash = head.hash;
  const rows: AuditEntry[] = [];
  for (const draft of drafts) {
    seq += 1;
    const entry = { ...draft, seq, prevHash } as AuditEntry;
    entry.hash = auditEntryHash(entry);
    rows.push(entry);
    prevHash = entry.hash;
  }
  for (let i = 0; i < rows.length; i += 200) {
    await manager.createQueryBuilder().insert().into(AuditEntry).values(rows.slice(i, i + 200)).updateEntity(false).callListeners(false).execute();
  }
  await manager
    .createQueryBuilder()
    .update(AuditChainHead)
    .set({ seq, hash: prevHash })
    .where('id = :id', { id: AUDIT_CHAIN_ID })
    .callListeners(false)
    .execute();
  return rows;
}

export interface AuditChainBreak {
  seq: number;
  reason: string;
}

/** Checks entries given in seq order; returns the first break, or null when the chain holds. */
export function findAuditChainBreak(entries: Iterable<AuditEntry>, start: { seq: number; hash: string } = { seq: 0, hash: AUDIT_GENESIS_HASH }): AuditChainBreak | null {
  let expectedSeq = start.seq + 1;
  let prevHash = start.hash;
  for (const entry of entries) {
    const seq = Number(entry.seq);
    if (seq !== expectedSeq) return { seq: expectedSeq, reason: `entry ${expectedSeq} is missing (next is ${seq})` };
    if (entry.prevHash !== prevHash) return { seq, reason: `prevHash does not match the hash of entry ${seq - 1}` };
    if (auditEntryHash(entry) !== entry.hash) return { seq, reason: 'content does not match its hash (row altered)' };
    prevHash = entry.hash;
    expectedSeq += 1;
  }
  return null;
}
