import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { CloudEvent } from '@lianxiao/contracts';
import { OutboxEvent, type OutboxWriter } from '@lianxiao/platform';

/**
 * Multi-row INSERTs of entities in the caller's transaction, `rowsPerStatement` rows each.
 * Values go through the driver's own conversion (transformers, dates, JSON columns), but the SQL is
 * built once per chunk here: TypeORM's InsertQueryBuilder spends most of a 100k-row import building
 * its expression map. No entity listeners run (bulk imports are audited by their ImportJob row).
 */
export async function bulkInsert<T extends ObjectLiteral>(tx: EntityManager, target: EntityTarget<T>, rows: readonly T[], rowsPerStatement = 500): Promise<void> {
  if (!rows.length) return;
  const meta = tx.connection.getMetadata(target);
  const driver = tx.connection.driver;
  const columns = meta.columns.filter((c) => c.isInsert && !c.isVirtual);
  const head = `INSERT INTO ${driver.escape(meta.tablePath)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += rowsPerStatement) {
    const part = rows.slice(i, i + rowsPerStatement);
    const params: unknown[] = [];
    for (const row of part) {
      for (const column of columns) params.push(driver.preparePersistentValue(column.getEntityValue(row), column));
    }
    await tx.query(head + new Array(part.length).fill(tuple).join(', '), params);
  }
}

/**
 * Events for the outbox of a bulk write: the OutboxWriter checks each against its contract and
 * shapes the row (it writes through `manager.insert`, captured here), then the rows go in with
 * bulkInsert in the same transaction as the state change.
 */
export async function bulkAppendToOutbox(tx: EntityManager, outbox: OutboxWriter, events: readonly CloudEvent[], rowsPerStatement = 500): Promise<void> {
  const rows: OutboxEvent[] = [];
  const capture = { insert: async (_target: unknown, shaped: OutboxEvent[]) => { rows.push(...shaped); } } as unknown as EntityManager;
  await outbox.appendAll(capture, events);
  await bulkInsert(tx, OutboxEvent, rows, rowsPerStatement);
}
