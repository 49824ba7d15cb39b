import { ServerError } from '@apollo/client/errors';
import { RetryLink } from '@apollo/client/link/retry';

/** The gateway sheds load with 503 (and rate limits with 429) before doing any work, so a retry is safe. */
const SHED_STATUSES = new Set([429, 503]);
export const MAX_SHED_RETRIES = 3;
const MAX_RETRY_AFTER_MS = 5_000;

function isShed(error: unknown): error is ServerError {
  return ServerError.is(error) && SHED_STATUSES.has(error.statusCode);
}

/**
 * How long to wait before retry `attempt` (1-based) of a shed request: the server's Retry-After
 * (seconds, capped at 5 s), else 0.5 s doubling; with jitter so a crowd of portals spreads out.
 */
export function shedRetryDelayMs(attempt: number, retryAfterHeader: string | null | undefined, random: () => number = Math.random): number {
  const seconds = Number(retryAfterHeader);
  const base = Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS) : Math.min(500 * 2 ** (attempt - 1), MAX_RETRY_AFTER_MS);
  return Math.round(base * (0.75 + random() * 0.5));
}

/** Retries a request the gateway shed (429/503) up to 3 times, waiting as it asked. */
export function shedRetryLink(): RetryLink {
  return new RetryLink({
    attempts: (attempt, _operation, error) => attempt <= MAX_SHED_RETRIES && isShed(error),
    delay: (attempt, _operation, error) => shedRetryDelayMs(attempt, isShed(error) ? error.response.headers.get('retry-after') : null),
  });
}
