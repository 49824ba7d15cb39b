import { CommonErrorCode, DomainError } from '@lianxiao/platform';

export const FinanceErrorCode = {
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  OVERPAYMENT: 'OVERPAYMENT',
  INVOICE_EXCEEDS_CONTRACT: 'INVOICE_EXCEEDS_CONTRACT',
  CONTRACT_NOT_SIGNED: 'CONTRACT_NOT_SIGNED',
  INVOICE_NUMBER_TAKEN: 'INVOICE_NUMBER_TAKEN',
  STATEMENT_ALREADY_ANSWERED: 'STATEMENT_ALREADY_ANSWERED',
} as const;

export function idempotencyKeyReused(key: string, whatZh: string, whatEn: string): DomainError {
  return new DomainError(
    FinanceErrorCode.IDEMPOTENCY_KEY_REUSED,
    `幂等键 ${key} 已用于另一笔不同内容的${whatZh}`,
    `Idempotency key ${key} was already used for a different ${whatEn}`,
    [{ field: 'idempotencyKey', messageZh: '幂等键已被使用', messageEn: 'idempotency key already used' }],
    409,
  );
}

export function statementTokenInvalid(): DomainError {
  // NOT_FOUND like any unknown id: an invalid link reveals nothing about which statements exist.
  return new DomainError(CommonErrorCode.NOT_FOUND, '对账确认链接无效或已失效', 'The statement confirmation link is invalid or has expired', [], 404);
}
