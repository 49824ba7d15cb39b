import type { NextFunction, Request, Response } from 'express';
import { documentHash, normaliseDocument, PersistedDocumentManifest } from './persisted-document-manifest';

export const PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';

interface OperationBody {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } | unknown;
}

function refusal(res: Response, hash: string | null): void {
  res.status(400).json({
    errors: [
      {
        message: 'Unknown document: only the portal\'s persisted operations are accepted in production',
        extensions: {
          code: PERSISTED_QUERY_NOT_FOUND,
          messageZh: '未知的查询文档：生产环境只接受门户预先登记的操作',
          messageEn: 'Unknown document: only the portal\'s persisted operations are accepted in production',
          ...(hash ? { sha256Hash: hash } : {}),
        },
      },
    ],
  });
}

function hashOf(operation: OperationBody): string | null {
  if (typeof operation.documentId === 'string') return operation.documentId.replace(/^sha256:/, '');
  const pq = (operation.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return typeof pq?.sha256Hash === 'string' ? pq.sha256Hash : null;
}

/**
 * Trusted documents (production): an operation is admitted when it is one of the portal's
 * build-time manifest — by `documentId`, by APQ `extensions.persistedQuery.sha256Hash` (the
 * document is filled in from the manifest), or by full text whose normalised hash is listed.
 * Anything else is refused with 400 PERSISTED_QUERY_NOT_FOUND before parsing or execution,
 * except for ADMIN callers (ad-hoc admin tooling). Runs after express.json.
 */
export function persistedDocumentsMiddleware(manifest: PersistedDocumentManifest, isAdmin: (req: Request) => Promise<boolean>) {
  const known = manifest.operations;
  return (req: Request, res: Response, next: NextFunction): void => {
    const operations: OperationBody[] = req.method === 'GET' ? [req.query as OperationBody] : Array.isArray(req.body) ? req.body : [req.body ?? {}];
    let unknown: { hash: string | null } | null = null;
    for (const operation of operations) {
      const hash = hashOf(operation);
      if (hash) {
        const entry = known[hash];
        if (!entry) {
          unknown = { hash };
          break;
        }
        // The manifest's document is what runs; a client text that differs from it is ignored.
        if (req.method !== 'GET') {
          operation.query = entry.document;
          delete operation.documentId;
          operation.extensions = { ...((operation.extensions as object) ?? {}), persistedQuery: undefined };
        }
        continue;
      }
      if (typeof operation.query !== 'string') continue; // Apollo answers "no query" itself
      let normalised: string;
      try {
        normalised = normaliseDocument(operation.query);
      } catch {
        continue; // a syntax error is Apollo's to report
      }
      if (!known[documentHash(normalised)]) {
        unknown = { hash: null };
        break;
      }
    }
    if (!unknown) {
      next();
      return;
    }
    const refused = unknown;
    isAdmin(req).then(
      (admin) => (admin ? next() : refusal(res, refused.hash)),
      () => refusal(res, refused.hash),
    );
  };
}
