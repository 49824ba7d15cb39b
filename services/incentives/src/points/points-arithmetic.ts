import { DomainError } from '@lianxiao/platform';

export const POINTS_INSUFFICIENT = 'POINTS_INSUFFICIENT';

/** The balance a ledger adds up to. */
export function ledgerBalance(entries: readonly { delta: number }[]): number {
  return entries.reduce((sum, e) => sum + e.delta, 0);
}

/** The new balance after one entry; refuses a non-integer or zero delta and any overdraft. */
export function applyPointsDelta(balance: number, delta: number): number {
  assertValidDelta(delta);
  const next = balance + delta;
  if (next < 0) throw insufficientPoints(balance, -delta);
  return next;
}

export function assertValidDelta(delta: number): void {
  if (!Number.isInteger(delta) || delta === 0) {
    throw DomainError.validation([{ field: 'delta', messageZh: '积分变动须为非零整数', messageEn: 'delta must be a non-zero integer' }]);
  }
}

export function insufficientPoints(balance: number, wanted: number): DomainError {
  return new DomainError(
    POINTS_INSUFFICIENT,
    `积分不足：当前 ${balance}，需要 ${wanted}`,
    `Not enough points: balance ${balance}, needed ${wanted}`,
    [],
    409,
  );
}
