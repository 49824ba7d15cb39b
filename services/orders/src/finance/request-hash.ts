import { createHash } from 'node:crypto';

/** Stable SHA-256 of a request payload (keys sorted) for idempotency-key reuse checks. */
export function requestHash(payload: Record<string, unknown>): string {
  const canonical = JSON.stringify(Object.keys(payload).sort().map((k) => [k, payload[k] ?? null]));
  return createHash('sha256').update(canonical).digest('hex');
}
