import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { createLogger } from '../logging/logger';

/**
 * SQL statements per GraphQL request, for the batching proof: when the gateway asks for it
 * (header below, sent only for admin callers who ask with `x-lianxiao-debug: sql`), a subgraph
 * counts the statements it runs while serving the request and returns the number in the response
 * extensions. Outside such a request nothing is counted; the cost is one AsyncLocalStorage lookup
 * per statement.
 */
export const COUNT_SQL_HEADER = 'x-lianxiao-count-sql';

interface StatementCount {
  statements: number;
}

const storage = new AsyncLocalStorage<StatementCount>();

interface CountedRequest extends Request {
  sqlStatementCount?: StatementCount;
}

export function statementCountMiddleware() {
  return (req: CountedRequest, _res: Response, next: NextFunction): void => {
    if (req.header(COUNT_SQL_HEADER) !== '1') return next();
    const count: StatementCount = { statements: 0 };
    req.sqlStatementCount = count;
    storage.run(count, next);
  };
}

/** Adds `extensions.sqlStatements` to the answer of a counted request. */
export function statementCountPlugin(): ApolloServerPlugin<{ req?: CountedRequest }> {
  return {
    async requestDidStart({ contextValue }) {
      const count = contextValue.req?.sqlStatementCount;
      if (!count) return;
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: count.statements };
          }
        },
      };
    },
  };
}

/** TypeORM logger: counts statements of counted requests; logs queries only when asked to. */
export class StatementCountingLogger implements TypeOrmLogger {
  private readonly out = createLogger('sql');

  constructor(private readonly logQueries: boolean) {}

  logQuery(query: string, parameters?: unknown[] | object): void {
    const count = storage.getStore();
    if (count) count.statements += 1;
    if (this.logQueries) this.out.debug({ query, parameters }, 'sql');
  }

  /** Debug only: callers handle expected failures (duplicate keys in idempotent inserts) themselves. */
  logQueryError(error: string | Error, query: string): void {
    this.out.debug({ err: error, query }, 'sql statement failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.out.warn({ ms: time, query }, 'slow sql statement');
  }

  logSchemaBuild(message: string): void {
    if (this.logQueries) this.out.debug(message);
  }

  logMigration(message: string): void {
    this.out.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.out.warn(String(message));
    else if (this.logQueries) this.out.debug(String(message));
  }
}
