import { type EnvironmentProviders, type Provider, inject } from '@angular/core';
import { Router } from '@angular/router';
import { ApolloLink, InMemoryCache } from '@apollo/client/core';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { HttpLink } from '@apollo/client/link/http';
import { provideApollo } from 'apollo-angular';
import { from, switchMap, throwError } from 'rxjs';
import { AuthTokens } from '../auth/auth-tokens';
import { shedRetryLink } from './shed-retry';

/** Operations that must not trigger a refresh (they are how a session starts or ends). */
const SESSION_OPERATIONS = new Set(['Login', 'RefreshToken']);

function isUnauthenticated(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
  }
  return ServerError.is(error) && error.statusCode === 401;
}

/**
 * Apollo against the same-origin `/graphql` (the gateway also serves the portal; `ng serve` proxies).
 * Link chain: error (refresh once on UNAUTHENTICATED) → retry when shed (429/503) → auth headers → HTTP.
 */
export function provideLianxiaoApollo(): (Provider | EnvironmentProviders)[] {
  return [
    provideApollo(() => {
      const tokens = inject(AuthTokens);
      const router = inject(Router);

      const auth = new SetContextLink((prev) => {
        const token = tokens.accessToken();
        // Drop a header set on an earlier attempt: a retry must carry the current token or none.
        const { authorization: _previous, ...headers } = (prev['headers'] ?? {}) as Record<string, string>;
        return {
          headers: {
            ...headers,
            // Apollo Server's CSRF protection accepts any request carrying this header.
            'apollo-require-preflight': 'true',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        };
      });

      const toLogin = () => {
        tokens.clear();
        const returnUrl = router.url === '/' || router.url.startsWith('/login') ? undefined : router.url;
        void router.navigate(['/login'], { queryParams: { returnUrl } });
      };

      const refreshOnce = new ErrorLink(({ error, operation, forward }) => {
        if (!isUnauthenticated(error) || SESSION_OPERATIONS.has(operation.operationName ?? '')) return;
        if (operation.getContext()['retriedAfterRefresh']) {
          toLogin();
          return;
        }
        operation.setContext({ retriedAfterRefresh: true });
        return from(tokens.refresh()).pipe(
          switchMap((refreshed) => {
            if (refreshed) return forward(operation);
            toLogin();
            return throwError(() => error);
          }),
        );
      });

      return {
        link: ApolloLink.from([refreshOnce, shedRetryLink(), auth, new HttpLink({ uri: '/graphql' })]),
        cache: new InMemoryCache(),
        defaultOptions: {
          query: { fetchPolicy: 'network-only' },
          watchQuery: { fetchPolicy: 'cache-and-network' },
        },
      };
    }),
  ];
}
