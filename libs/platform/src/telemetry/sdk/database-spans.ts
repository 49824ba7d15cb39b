import * as path from 'node:path';
import { SpanKind, SpanStatusCode, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import { summarizeStatement } from './sql-statement-summary';

interface QueryRunnerLike {
  connection?: { options?: { type?: string; database?: unknown } };
  query(query: string, ...rest: unknown[]): Promise<unknown>;
}

type QueryRunnerClass = { prototype: QueryRunnerLike };

const PATCHED = Symbol.for('lianxiao.telemetry.query-spans');

/** TypeORM's query runners of the two drivers Lianxiao runs on (MySQL/MariaDB and SQLite). */
const RUNNERS: [module: string, exportName: string][] = [
  ['typeorm/driver/mysql/MysqlQueryRunner', 'MysqlQueryRunner'],
  ['typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner', 'BetterSqlite3QueryRunner'],
];

/**
 * A client span per SQL statement — `SELECT customer`, with the statement kind, table, database
 * system and database name, never the statement text or its values — for every statement run
 * while a span is active (requests, event handling). The relay's polling outside any trace makes
 * no spans. Patches TypeORM's query runners once per thread, whenever TypeORM was loaded.
 */
export function installDatabaseSpans(tracer: Tracer): void {
  for (const [module, exportName] of RUNNERS) {
    let runner: QueryRunnerClass | undefined;
    try {
      runner = (require(module) as Record<string, QueryRunnerClass>)[exportName];
    } catch {
      continue; // driver not installed
    }
    const proto = runner?.prototype as (QueryRunnerLike & { [PATCHED]?: boolean }) | undefined;
    if (!proto || proto[PATCHED]) continue;
    const query = proto.query;
    proto.query = function tracedQuery(this: QueryRunnerLike, sql: string, ...rest: unknown[]): Promise<unknown> {
      if (!trace.getActiveSpan()) return query.call(this, sql, ...rest);
      const statement = summarizeStatement(sql);
      const span = tracer.startSpan(statement.table ? `${statement.operation} ${statement.table}` : statement.operation, {
        kind: SpanKind.CLIENT,
        attributes: attributesOf(this, statement.operation, statement.table),
      });
      return query.call(this, sql, ...rest).then(
        (result) => {
          span.end();
          return result;
        },
        (error: unknown) => {
          // The code only (ER_DUP_ENTRY, SQLITE_CONSTRAINT_…): driver messages quote values.
          span.setStatus({ code: SpanStatusCode.ERROR });
          span.setAttribute('error.type', errorCodeOf(error));
          span.end();
          throw error;
        },
      );
    };
    Object.defineProperty(proto, PATCHED, { value: true });
  }
}

function attributesOf(runner: QueryRunnerLike, operation: string, table: string | undefined): Attributes {
  const options = runner.connection?.options ?? {};
  const type = options.type ?? 'sql';
  const system = type === 'better-sqlite3' ? 'sqlite' : type;
  const database = typeof options.database === 'string' ? (system === 'sqlite' ? path.basename(options.database) : options.database) : undefined;
  return {
    'db.system.name': system,
    'db.operation.name': operation,
    ...(table ? { 'db.collection.name': table } : {}),
    ...(database ? { 'db.namespace': database } : {}),
  };
}

function errorCodeOf(error: unknown): string {
  const driverError = (error as { driverError?: unknown })?.driverError ?? error;
  const code = (driverError as { code?: unknown })?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code) ? code : (error as Error)?.name ?? 'Error';
}
