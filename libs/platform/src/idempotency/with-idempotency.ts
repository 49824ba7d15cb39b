import type { EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import { canonicalJson, sha256Hex } from '../audit/canonical-json';
import { isDuplicateKeyError } from '../events/inbox-consumer';
import { IdempotencyRecord } from './idempotency-record.entity';

export const IdempotencyErrorCode = {
  IDEMPOTENCY_KEY_INVALID: 'IDEMPOTENCY_KEY_INVALID',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
} as const;

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,64}$/;

/** sha256 of the canonical JSON of a request payload (key order does not matter). */
export function payloadHash(payload: unknown): string {
  return sha256Hex(canonicalJson(payload));
}

/** Refuses a key that is not 8–64 of `A-Z a-z 0-9 . _ : -` (call it while validating input). */
export function assertIdempotencyKey(key: string | null | undefined, field = 'idempotencyKey'): void {
  if (!KEY_PATTERN.test(key ?? '')) {
    throw new DomainError(
      IdempotencyErrorCode.IDEMPOTENCY_KEY_INVALID,
      '幂等键须为 8–64 位字母、数字或 ._:-',
      'The idempotency key must be 8–64 letters, digits or ._:-',
      [{ field, messageZh: '幂等键须为 8–64 位字母、数字或 ._:-', messageEn: 'idempotencyKey must be 8–64 letters, digits or ._:-' }],
    );
  }
}

export interface IdempotentOutcome<T> {
  result: T;
  /** True when the key was used before and `result` is the first call's answer. */
  replayed: boolean;
}

/**
 * Runs `run` at most once per (scope, key), inside the caller's transaction `manager`:
 * 1. inserts the idempotency record first (never check-then-insert: the primary key decides);
 * 2. on a duplicate key, answers the stored result when the payload hash matches, otherwise
 *    IDEMPOTENCY_KEY_REUSED (409) — nothing is written;
 * 3. otherwise runs the effect and stores its JSON result in the same transaction, so a rollback
 *    removes the record too.
 * Call it FIRST in the transaction. The result must be JSON-serialisable (dates come back as ISO
 * strings on replay; store ids and re-read the entity if you need the object).
 */
export async function withIdempotency<T>(
  manager: EntityManager,
  scope: string,
  key: string,
  hashOfPayload: string,
  run: (manager: EntityManager) => Promise<T>,
  userId: string | null = null,
): Promise<IdempotentOutcome<T>> {
  assertIdempotencyKey(key);
  const repo = manager.getRepository(IdempotencyRecord);
  try {
    await repo.insert({ scope, idempotencyKey: key, payloadHash: hashOfPayload, result: null, userId, createdAt: new Date() });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const first = await repo.findOneByOrFail({ scope, idempotencyKey: key });
    if (first.payloadHash !== hashOfPayload) throw idempotencyKeyReused();
    return { result: (first.result === null ? null : JSON.parse(first.result)) as T, replayed: true };
  }
  const result = await run(manager);
  await repo.update({ scope, idempotencyKey: key }, { result: canonicalJson(result ?? null) });
  return { result, replayed: false };
}

export function idempotencyKeyReused(): DomainError {
  return new DomainError(
    IdempotencyErrorCode.IDEMPOTENCY_KEY_REUSED,
    '该幂等键已用于另一个不同的请求，未执行任何操作',
    'This idempotency key was already used for a different request; nothing was done',
    [{ field: 'idempotencyKey', messageZh: '幂等键已被不同内容的请求使用', messageEn: 'idempotencyKey already used with a different payload' }],
    409,
  );
}
