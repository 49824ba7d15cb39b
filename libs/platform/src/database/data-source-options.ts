import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSourceOptions, EntitySchema, MigrationInterface } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AuditSubscriber, installAuditQueryHooks } from '../audit/audit-recorder';
import { StatementCountingLogger } from './statement-counter';

/** Entity classes (or schemas) of one service. */
export type EntityClassList = (EntitySchema | (abstract new (...args: never[]) => object))[];
/** Migration classes of one service, in order. */
export type MigrationClassList = (new () => MigrationInterface)[];


export interface DatabaseOptionsInput {
  databaseUrl: string;
  entities: EntityClassList;
  /** MySQL migrations of the service; SQLite (embedded) builds the schema from the entities. */
  migrations: MigrationClassList;
  logging?: boolean;
}

export function isSqliteUrl(url: string): boolean {
  return url.startsWith('sqlite:');
}

/**
 * TypeORM options from DATABASE_URL. `sqlite:<file>` → better-sqlite3 (embedded default, schema
 * synchronised from entities, WAL). `mariadb://…` / `mysql://…` → mysql2, migrations only.
 */
export function dataSourceOptions(input: DatabaseOptionsInput): DataSourceOptions {
  const { databaseUrl } = input;
  // A service that lists the audit entities gets the audit trail of every request's writes.
  const subscribers = input.entities.includes(AuditEntry) ? [AuditSubscriber] : [];
  if (subscribers.length) installAuditQueryHooks();
  if (isSqliteUrl(databaseUrl)) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    return {
      type: 'better-sqlite3',
      database: file,
      entities: input.entities as DataSourceOptions['entities'],
      synchronize: true,
      subscribers,
      logging: input.logging ?? false,
      logger: new StatementCountingLogger(input.logging ?? false),
      prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
    } as DataSourceOptions;
  }
  const url = new URL(databaseUrl);
  return {
    type: url.protocol === 'mariadb:' ? 'mariadb' : 'mysql',
    host: url.hostname,
    port: Number(url.port || 3306),
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.replace(/^\//, ''),
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    entities: input.entities as DataSourceOptions['entities'],
    migrations: input.migrations,
    subscribers,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: input.logging ?? false,
    logger: new StatementCountingLogger(input.logging ?? false),
    extra: { connectionLimit: 10 },
  } as DataSourceOptions;
}

/** Creates the service's MySQL database when it does not exist yet (first start of a cluster). */
export async function ensureMysqlDatabase(databaseUrl: string): Promise<void> {
  if (isSqliteUrl(databaseUrl)) return;
  const url = new URL(databaseUrl);
  const database = url.pathname.replace(/^\//, '');
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}
