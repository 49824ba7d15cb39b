import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { Role, type Caller } from '@lianxiao/platform';
import { verifyAccessToken } from '../identity/auth/access-token';
import type { ExternalAuthenticator } from './oidc/external-authenticator';

export interface GatewayContext {
  caller: Caller | null;
  requestId: string;
  /** The signed assertion, made on first use and reused for every subgraph call of this request. */
  assertion?: string;
  /** SQL statements per subgraph, when an admin asked for them with `x-lianxiao-debug: sql`. */
  sqlStatements?: Record<string, number>;
}

function unauthenticated(reason: 'expired' | 'invalid'): GraphQLError {
  const expired = reason === 'expired';
  return new GraphQLError(expired ? 'The access token has expired' : 'The access token is invalid', {
    extensions: {
      code: 'UNAUTHENTICATED',
      reason: expired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID',
      messageZh: expired ? '登录已过期，请刷新令牌或重新登录' : '访问令牌无效，请重新登录',
      messageEn: expired ? 'The access token has expired; refresh it or sign in again' : 'The access token is invalid; please sign in again',
      http: { status: 401 },
    },
  });
}

/** Builds the request context: a bearer token must verify, or the request is refused with 401. */
export function gatewayContextFactory(jwtSecret: string, external: ExternalAuthenticator | null = null) {
  return async ({ req }: { req: Request }): Promise<GatewayContext> => {
    const requestId = (req.header('x-request-id') ?? '').slice(0, 64) || randomUUID();
    const header = req.header('authorization');
    if (!header) return { caller: null, requestId };
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match) throw unauthenticated('invalid');
    const token = match[1].trim();
    // With OIDC_ISSUER set, tokens not from the built-in issuer are verified against that issuer's JWKS.
    const verified = external?.handles(token) ? await external.callerFor(token, requestId) : verifyAccessToken(token, jwtSecret);
    if (typeof verified === 'string') throw unauthenticated(verified);
    const countSql = req.header('x-lianxiao-debug') === 'sql' && verified.roles.includes(Role.ADMIN);
    return { caller: { ...verified, requestId }, requestId, ...(countSql ? { sqlStatements: {} } : {}) };
  };
}

/** Puts the per-subgraph SQL statement counts of a counted request into the answer's extensions. */
export const sqlStatementReportPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart({ contextValue }) {
    if (!contextValue.sqlStatements) return;
    const counts = contextValue.sqlStatements;
    return {
      async willSendResponse({ response }) {
        if (response.body.kind === 'single') response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: counts };
      },
    };
  },
};
