import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { Lang } from '../core/i18n/i18n.service';

/** Reads the stable error code the API puts in `extensions.code` (e.g. FORBIDDEN, NOT_FOUND). */
export function graphqlErrorCode(error: unknown): string | null {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors.find((e) => e.extensions?.['code'])?.extensions?.['code'];
    return typeof code === 'string' ? code : null;
  }
  if (ServerError.is(error)) {
    if (error.statusCode === 401) return 'UNAUTHENTICATED';
    if (error.statusCode === 403) return 'FORBIDDEN';
  }
  return null;
}

/**
 * The server's message in the current language: `extensions.messageZh` / `messageEn`, falling
 * back to `message`, then to the given default.
 */
export function graphqlErrorMessage(error: unknown, lang: Lang, fallback: string): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    if (first) {
      const localized = first.extensions?.[lang === 'zh' ? 'messageZh' : 'messageEn'];
      if (typeof localized === 'string' && localized) return localized;
      if (first.message) return first.message;
    }
  }
  // Network failures and HTTP errors carry no text meant for users.
  return fallback;
}
