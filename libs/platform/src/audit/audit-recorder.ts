import {
  DataSource,
  DeleteQueryBuilder,
  EntityMetadata,
  EntitySubscriberInterface,
  EventSubscriber,
  InsertEvent,
  InsertQueryBuilder,
  ObjectLiteral,
  QueryBuilder,
  QueryRunner,
  RemoveEvent,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  UpdateEvent,
  UpdateQueryBuilder,
} from 'typeorm';
import { canonicalJson } from './canonical-json';
import { AuditDraft, appendAuditEntries } from './audit-chain';
import { currentAuditContext } from './audit-context';
import { AuditChainHead, AuditEntry } from './audit-entry.entity';

/** Tables that are records about changes, not changes: never audited. */
const UNAUDITED_TABLES = new Set(['audit_entry', 'audit_chain_head', 'outbox_event', 'inbox_record', 'idempotency_record']);
/** Values that must never be copied into the audit log; the entry only says they changed. */
const SENSITIVE_FIELD = /password|secret|tokenhash|refreshtoken|^token$|apikey/i;
export const AUDIT_REDACTED = '[REDACTED]';

type Action = 'INSERT' | 'UPDATE' | 'DELETE';
interface Pending {
  depth: number;
  draft: AuditDraft;
}

const pendingByRunner = new WeakMap<QueryRunner, Pending[]>();

function depthOf(queryRunner: QueryRunner): number {
  return (queryRunner as unknown as { transactionDepth?: number }).transactionDepth ?? 0;
}

function audited(connection: DataSource, metadata: EntityMetadata | undefined): metadata is EntityMetadata {
  if (!metadata || !currentAuditContext()) return false;
  if (UNAUDITED_TABLES.has(metadata.tableName) || /lease/i.test(metadata.tableName)) return false;
  return connection.hasMetadata(AuditEntry) && connection.hasMetadata(AuditChainHead);
}

function plainValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(canonicalJson(value));
}

/** Column values of an entity (or a plain value set), by property path (redacted later, in draftOf). */
function snapshot(metadata: EntityMetadata, entity: ObjectLiteral | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!entity) return out;
  for (const column of metadata.columns) {
    if (column.isVirtual) continue;
    const value = column.getEntityValue(entity);
    if (value === undefined) continue;
    out[column.propertyPath] = plainValue(value);
  }
  return out;
}

function entityIdOf(metadata: EntityMetadata, entity: ObjectLiteral | undefined): string {
  if (!entity) return '?';
  const ids = metadata.primaryColumns.map((c) => c.getEntityValue(entity));
  if (ids.length === 1) return ids[0] === undefined || ids[0] === null ? '?' : String(ids[0]);
  return canonicalJson(Object.fromEntries(metadata.primaryColumns.map((c, i) => [c.propertyPath, ids[i] ?? null])));
}

/** Before/after of the fields that changed (all non-null fields for INSERT/DELETE). */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  if (!before) return { before: null, after: Object.fromEntries(Object.entries(after ?? {}).filter(([, v]) => v !== null)) };
  if (!after) return { before: Object.fromEntries(Object.entries(before).filter(([, v]) => v !== null)), after: null };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!(key in after)) continue;
    if (canonicalJson(before[key] ?? null) === canonicalJson(after[key] ?? null)) continue;
    b[key] = before[key] ?? null;
    a[key] = after[key] ?? null;
  }
  return { before: b, after: a };
}

function draftOf(action: Action, metadata: EntityMetadata, entityId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditDraft | null {
  const context = currentAuditContext();
  const changes = changedFields(before, after);
  // Diffed on the real values, stored redacted: the entry says a secret changed, never what it is.
  for (const side of [changes.before, changes.after]) {
    for (const key of Object.keys(side ?? {})) if (side && SENSITIVE_FIELD.test(key) && side[key] !== null) side[key] = AUDIT_REDACTED;
  }
  if (action === 'UPDATE' && changes.after && !Object.keys(changes.after).length) return null;
  const caller = context?.caller ?? null;
  return {
    occurredAt: new Date(),
    requestId: (context?.requestId ?? caller?.requestId ?? null)?.slice(0, 64) ?? null,
    userId: caller?.userId ?? null,
    username: caller?.username?.slice(0, 64) ?? null,
    roles: caller?.roles?.join(',').slice(0, 200) ?? null,
    action,
    entityType: metadata.name.slice(0, 100),
    entityId: entityId.slice(0, 200),
    before: changes.before ? canonicalJson(changes.before) : null,
    after: changes.after ? canonicalJson(changes.after) : null,
  };
}

/** Queues entries to be chained when the transaction commits (or writes them now without one). */
async function record(queryRunner: QueryRunner | undefined, drafts: (AuditDraft | null)[]): Promise<void> {
  const list = drafts.filter((d): d is AuditDraft => d !== null);
  if (!list.length || !queryRunner) return;
  if (!queryRunner.isTransactionActive) {
    await queryRunner.startTransaction();
    try {
      await appendAuditEntries(queryRunner, list);
      await queryRunner.commitTransaction();
    } catch (error) {
      await queryRunner.rollbackTransaction();
      throw error;
    }
    return;
  }
  const pending = pendingByRunner.get(queryRunner) ?? [];
  const depth = depthOf(queryRunner);
  for (const draft of list) pending.push({ depth, draft });
  pendingByRunner.set(queryRunner, pending);
}

/**
 * Writes the audit trail of every insert, update and delete made while serving a request: saves,
 * inserts and removes through the entity events; query-builder updates and deletes (which carry no
 * entity: `repo.update(criteria, …)`, `repo.delete(…)`) through the hooks installed below, which
 * read the affected rows before and after in the same transaction. Entries are chained at commit.
 */
@EventSubscriber()
export class AuditSubscriber implements EntitySubscriberInterface {
  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    if (!audited(event.connection, event.metadata)) return;
    await record(event.queryRunner, [draftOf('INSERT', event.metadata, entityIdOf(event.metadata, event.entity), null, snapshot(event.metadata, event.entity))]);
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    // Without the database entity this is a query-builder update, audited by the hook below.
    if (!event.databaseEntity || !audited(event.connection, event.metadata)) return;
    const before = snapshot(event.metadata, event.databaseEntity);
    const after = { ...before, ...snapshot(event.metadata, event.entity as ObjectLiteral) };
    await record(event.queryRunner, [draftOf('UPDATE', event.metadata, entityIdOf(event.metadata, event.databaseEntity), before, after)]);
  }

  async afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    const row = event.databaseEntity ?? event.entity;
    if (!row || !audited(event.connection, event.metadata)) return;
    const id = event.entityId !== undefined && event.entityId !== null && typeof event.entityId !== 'object' ? String(event.entityId) : entityIdOf(event.metadata, row);
    await record(event.queryRunner, [draftOf('DELETE', event.metadata, id, snapshot(event.metadata, row), null)]);
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const queryRunner = event.queryRunner;
    if (depthOf(queryRunner) > 1) return;
    const pending = pendingByRunner.get(queryRunner);
    if (!pending?.length) return;
    pendingByRunner.delete(queryRunner);
    await appendAuditEntries(queryRunner, pending.map((p) => p.draft));
  }

  beforeTransactionRollback(event: TransactionRollbackEvent): void {
    const queryRunner = event.queryRunner;
    const depth = depthOf(queryRunner);
    const pending = pendingByRunner.get(queryRunner);
    if (!pending) return;
    if (depth <= 1) pendingByRunner.delete(queryRunner);
    else pendingByRunner.set(queryRunner, pending.filter((p) => p.depth < depth));
  }
}

type AnyQb = UpdateQueryBuilder<ObjectLiteral> | DeleteQueryBuilder<ObjectLiteral>;

interface QbInternals {
  expressionMap: { callListeners: boolean; useTransaction: boolean; mainAlias?: { hasMetadata: boolean; metadata: EntityMetadata } };
  queryRunner?: QueryRunner;
  connection: DataSource;
}

function auditedMetadataOf(qb: unknown): EntityMetadata | null {
  const internals = qb as QbInternals;
  const alias = internals.expressionMap.mainAlias;
  // callListeners=false: issued by save()/remove(), which the subscriber audits from the entities.
  if (!internals.expressionMap.callListeners || !alias?.hasMetadata) return null;
  return audited(internals.connection, alias.metadata) ? alias.metadata : null;
}

/** Runs `work` inside a transaction of the builder's query runner (starting one if needed). */
async function inTransaction<T>(qb: AnyQb | InsertQueryBuilder<ObjectLiteral>, work: (queryRunner: QueryRunner) => Promise<T>): Promise<T> {
  const internals = qb as unknown as QbInternals;
  const own = !internals.queryRunner;
  const queryRunner = internals.queryRunner ?? internals.connection.createQueryRunner();
  if (own) qb.setQueryRunner(queryRunner);
  try {
    if (queryRunner.isTransactionActive) return await work(queryRunner);
    await queryRunner.startTransaction();
    try {
      const result = await work(queryRunner);
      await queryRunner.commitTransaction();
      return result;
    } catch (error) {
      await queryRunner.rollbackTransaction();
      throw error;
    }
  } finally {
    if (own) await queryRunner.release();
  }
}

/** The rows an update/delete builder will touch, read with the builder's own conditions. */
async function affectedRows(qb: AnyQb, metadata: EntityMetadata, queryRunner: QueryRunner): Promise<ObjectLiteral[]> {
  // A clone turned into a SELECT keeps the builder's WHERE (criteria, whereInIds, Brackets) and parameters.
  const select = (qb.clone() as unknown as QueryBuilder<ObjectLiteral>).select();
  const aliasName = select.expressionMap.mainAlias?.name ?? metadata.name;
  select.setQueryRunner(queryRunner);
  select.select(aliasName);
  const type = queryRunner.connection.options.type;
  if (type === 'mysql' || type === 'mariadb') select.setLock('pessimistic_write');
  return select.getMany();
}

async function reread(metadata: EntityMetadata, rows: ObjectLiteral[], queryRunner: QueryRunner): Promise<Map<string, ObjectLiteral>> {
  const out = new Map<string, ObjectLiteral>();
  for (let i = 0; i < rows.length; i += 200) {
    const ids = rows.slice(i, i + 200).map((r) => metadata.getEntityIdMap(r) as ObjectLiteral);
    const found = await queryRunner.manager.find(metadata.target, { where: ids });
    for (const row of found) out.set(entityIdOf(metadata, row), row);
  }
  return out;
}

let installed = false;

/** Patches the update/delete/insert builders once per process so entity-less writes are audited. */
export function installAuditQueryHooks(): void {
  if (installed) return;
  installed = true;

  const update = UpdateQueryBuilder.prototype.execute;
  UpdateQueryBuilder.prototype.execute = async function (this: UpdateQueryBuilder<ObjectLiteral>) {
    const metadata = auditedMetadataOf(this);
    if (!metadata) return update.call(this);
    return inTransaction(this, async (queryRunner) => {
      const before = await affectedRows(this, metadata, queryRunner);
      const result = await update.call(this);
      if (!before.length) return result;
      const after = await reread(metadata, before, queryRunner);
      await record(
        queryRunner,
        before.map((row) => {
          const id = entityIdOf(metadata, row);
          return draftOf('UPDATE', metadata, id, snapshot(metadata, row), snapshot(metadata, after.get(id)));
        }),
      );
      return result;
    });
  };

  const remove = DeleteQueryBuilder.prototype.execute;
  DeleteQueryBuilder.prototype.execute = async function (this: DeleteQueryBuilder<ObjectLiteral>) {
    const metadata = auditedMetadataOf(this);
    if (!metadata) return remove.call(this);
    return inTransaction(this, async (queryRunner) => {
      const before = await affectedRows(this, metadata, queryRunner);
      const result = await remove.call(this);
      await record(queryRunner, before.map((row) => draftOf('DELETE', metadata, entityIdOf(metadata, row), snapshot(metadata, row), null)));
      return result;
    });
  };

  const insert = InsertQueryBuilder.prototype.execute;
  InsertQueryBuilder.prototype.execute = async function (this: InsertQueryBuilder<ObjectLiteral>) {
    // The subscriber audits inserts; make sure they run in a transaction so the entries commit with them.
    if (auditedMetadataOf(this)) (this as unknown as QbInternals).expressionMap.useTransaction = true;
    return insert.call(this);
  };
}
