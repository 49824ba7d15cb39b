import { AsyncLocalStorage } from 'node:async_hooks';
import type { Caller } from '../auth/caller';

/** Who is changing data in this request; set once per request by the gateway-credential middleware. */
export interface AuditRequestContext {
  caller: Caller | null;
  requestId?: string | null;
}

const storage = new AsyncLocalStorage<AuditRequestContext>();

/** Runs `fn` (and everything it starts) as part of one audited request. */
export function runInAuditContext<T>(context: AuditRequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The current request's audit context; undefined outside a request (seeding, event consumers). */
export function currentAuditContext(): AuditRequestContext | undefined {
  return storage.getStore();
}
