import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { Lang } from '../../core/i18n/i18n.service';
import { graphqlErrorMessage } from '../../shared/graphql-error';

/** A server refusal: the localized message and the localized `extensions.details` lines. */
export interface Refusal {
  message: string;
  details: string[];
}

export function refusalOf(error: unknown, lang: Lang, fallback: string): Refusal {
  const message = graphqlErrorMessage(error, lang, fallback);
  const details: string[] = [];
  if (CombinedGraphQLErrors.is(error)) {
    for (const e of error.errors) {
      const list = e.extensions?.['details'];
      if (!Array.isArray(list)) continue;
      for (const d of list as Record<string, unknown>[]) {
        const text = d?.[lang === 'zh' ? 'messageZh' : 'messageEn'] ?? d?.['messageZh'];
        if (typeof text === 'string' && text) details.push(text);
      }
    }
  }
  return { message, details };
}
