/**
 * The one error type a client ever sees: a stable code plus a zh-CN and an English message.
 * Services define their own codes; the ones here are shared by all.
 */
export const CommonErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  CONFLICT: 'CONFLICT',
  FIELD_HIDDEN: 'FIELD_HIDDEN',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
} as const;

export interface ErrorDetail {
  field?: string;
  messageZh: string;
  messageEn: string;
  [key: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details: ErrorDetail[] = [],
    /** HTTP-ish status for REST endpoints and logs; GraphQL answers 200 with the error. */
    readonly status = 400,
  ) {
    super(messageEn);
    this.name = 'DomainError';
  }

  toExtensions(): Record<string, unknown> {
    return {
      code: this.code,
      messageZh: this.messageZh,
      messageEn: this.messageEn,
      ...(this.details.length ? { details: this.details } : {}),
    };
  }

  static unauthenticated(): DomainError {
    return new DomainError(CommonErrorCode.UNAUTHENTICATED, '未登录或登录已过期，请重新登录', 'Not signed in or the session has expired; please sign in again', [], 401);
  }

  static forbidden(whatEn = 'this operation', whatZh = '此操作'): DomainError {
    return new DomainError(CommonErrorCode.FORBIDDEN, `无权执行${whatZh}`, `You are not allowed to perform ${whatEn}`, [], 403);
  }

  static notFound(entityEn: string, entityZh: string, id?: string): DomainError {
    const suffix = id ? ` (${id})` : '';
    return new DomainError(CommonErrorCode.NOT_FOUND, `${entityZh}不存在${suffix}`, `${entityEn} not found${suffix}`, [], 404);
  }

  static validation(details: ErrorDetail[]): DomainError {
    const zh = details.map((d) => d.messageZh).join('；');
    const en = details.map((d) => d.messageEn).join('; ');
    return new DomainError(CommonErrorCode.VALIDATION_FAILED, `输入有误：${zh}`, `Invalid input: ${en}`, details, 400);
  }

  static conflict(messageZh: string, messageEn: string): DomainError {
    return new DomainError(CommonErrorCode.CONFLICT, messageZh, messageEn, [], 409);
  }
}
