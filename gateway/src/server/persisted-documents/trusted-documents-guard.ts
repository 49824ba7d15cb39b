import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ConfigError, createLogger, Role } from '@lianxiao/platform';
import { verifyAccessToken } from '../../identity/auth/access-token';
import type { ExternalAuthenticator } from '../oidc/external-authenticator';
import { loadManifest, MANIFEST_PATH, PersistedDocumentManifest } from './persisted-document-manifest';
import { persistedDocumentsMiddleware } from './persisted-documents.middleware';

export interface TrustedDocumentsOptions {
  production: boolean;
  jwtSecret: string;
  external: ExternalAuthenticator | null;
  /** Tests pass a manifest; otherwise gateway/persisted-documents.json (PERSISTED_DOCUMENTS_PATH). */
  manifest?: PersistedDocumentManifest | null;
  env?: Record<string, string | undefined>;
}

/**
 * PERSISTED_DOCUMENTS=enforce|off; default enforce with NODE_ENV=production, off otherwise (the
 * embedded/dev default stays permissive). Enforcing without a manifest refuses to start.
 */
export function trustedDocumentsGuard(options: TrustedDocumentsOptions): RequestHandler {
  const env = options.env ?? process.env;
  const mode = env.PERSISTED_DOCUMENTS ?? (options.production ? 'enforce' : 'off');
  if (mode !== 'enforce' && mode !== 'off') throw new ConfigError('PERSISTED_DOCUMENTS', `must be enforce or off, got "${mode}"`);
  if (mode === 'off') return (_req: Request, _res: Response, next: NextFunction) => next();
  const manifest = options.manifest ?? loadManifest();
  if (!manifest) throw new ConfigError('PERSISTED_DOCUMENTS', `enforced but ${env.PERSISTED_DOCUMENTS_PATH ?? MANIFEST_PATH} is missing; run npm run persisted-documents`);
  createLogger('gateway').info({ operations: Object.keys(manifest.operations).length }, 'trusted documents enforced');
  const isAdmin = async (req: Request): Promise<boolean> => {
    const match = /^Bearer\s+(.+)$/i.exec(req.header('authorization') ?? '');
    if (!match) return false;
    const token = match[1].trim();
    const caller = options.external?.handles(token) ? await options.external.callerFor(token, 'trusted-documents') : verifyAccessToken(token, options.jwtSecret);
    return typeof caller !== 'string' && caller.roles.includes(Role.ADMIN);
  };
  return persistedDocumentsMiddleware(manifest, isAdmin);
}
