import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import { setBounded } from '@lianxiao/platform';
import { checkTokenLimit } from './graphql-limits';
import { limitBody } from './limit-errors';

/** Refuses JSON arrays of more than `maxBatch` operations before Apollo sees them. */
export function batchLimitMiddleware(maxBatch: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (Array.isArray(req.body) && req.body.length > maxBatch) {
      res.status(400).json(limitBody('BATCH_TOO_LARGE', maxBatch, req.body.length));
      return;
    }
    next();
  };
}

const MAX_REMEMBERED_QUERIES = 2_000;
const MAX_REMEMBERED_QUERY_CHARS = 20_000;

/** Counts the tokens of each query (graphql-armor's lexer) before parsing; refuses over the limit. */
export function tokenLimitMiddleware(maxTokens: number) {
  // Texts already found within the limit: the portal sends the same few hundred documents over and
  // over, and each check is a full parse. Bounded, oldest out first; long texts are not kept.
  const withinLimit = new Set<string>();
  const remember = (query: string) => {
    if (query.length <= MAX_REMEMBERED_QUERY_CHARS) setBounded(withinLimit, query, MAX_REMEMBERED_QUERIES);
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    const operations: unknown[] = Array.isArray(req.body) ? req.body : [req.body];
    for (const operation of operations) {
      const query = (operation as { query?: unknown } | null)?.query;
      if (typeof query !== 'string' || withinLimit.has(query)) continue;
      const error = checkTokenLimit(query, maxTokens);
      if (error) {
        res.status(400).json({ errors: [{ message: error.message, extensions: { ...error.extensions, http: undefined, lianxiaoLimitCode: undefined } }] });
        return;
      }
      remember(query);
    }
    next();
  };
}

/** express.json failures: body over the limit → 413, malformed JSON → 400; both coded JSON. */
export function bodyErrorHandler(maxBodyBytes: number): ErrorRequestHandler {
  return (error: { type?: string; status?: number }, _req, res, next) => {
    if (error?.type === 'entity.too.large') {
      res.status(413).json(limitBody('BODY_TOO_LARGE', maxBodyBytes));
      return;
    }
    if (error?.type === 'entity.parse.failed') {
      res.status(400).json(limitBody('BAD_REQUEST_BODY', 0));
      return;
    }
    next(error);
  };
}
