import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import * as jwt from 'jsonwebtoken';
import { signGatewayAssertion, type Caller } from '@lianxiao/platform';
import { ACCESS_TOKEN_ISSUER } from '../../identity/auth/access-token';
import { EXTERNAL_LINK_PATH, type ExternalIdentity } from '../../identity/external/external-identity';
import type { OidcConfig } from './oidc-config';
import { OidcFailure, OidcIdentity, OidcVerificationError, OidcVerifier } from './oidc-verifier';

const MESSAGES: Record<OidcFailure, [zh: string, en: string, status: number]> = {
  TOKEN_EXPIRED: ['单点登录令牌已过期，请重新登录', 'The single-sign-on token has expired; sign in again', 401],
  TOKEN_WRONG_AUDIENCE: ['令牌不是签发给联销的（受众不符）', 'The token was not issued for Lianxiao (wrong audience)', 401],
  TOKEN_WRONG_ISSUER: ['令牌的签发方不受信任', 'The token comes from an issuer Lianxiao does not trust', 401],
  TOKEN_INVALID_SIGNATURE: ['令牌签名无效', 'The token signature is invalid', 401],
  TOKEN_INVALID: ['访问令牌无效，请重新登录', 'The access token is invalid; please sign in again', 401],
  OIDC_ISSUER_UNREACHABLE: ['暂时无法连接单点登录服务，请稍后再试', 'The single-sign-on issuer cannot be reached; try again shortly', 503],
};

export function oidcError(reason: OidcFailure): GraphQLError {
  const [zh, en, status] = MESSAGES[reason];
  return new GraphQLError(en, {
    extensions: { code: status === 401 ? 'UNAUTHENTICATED' : 'SERVICE_UNAVAILABLE', reason, messageZh: zh, messageEn: en, http: { status } },
  });
}

const CACHE_MS = 60_000;

/**
 * Accepts tokens of the configured OIDC issuer next to the built-in ones: verifies them against
 * the issuer's JWKS, then asks the identity subgraph (internal route, gateway credential) for the
 * linked local user — provisioned on first sign-in. The answer is cached for a minute per token
 * content, so a burst of requests costs one link call.
 */
export class ExternalAuthenticator {
  private readonly verifier: OidcVerifier;
  private readonly cache = new Map<string, { caller: Caller; until: number }>();

  constructor(
    config: OidcConfig,
    private readonly identityUrl: string,
    private readonly internalSecret: string,
    fetchFn: typeof fetch = fetch,
  ) {
    this.verifier = new OidcVerifier(config, fetchFn);
  }

  /** Tokens not from the built-in issuer go to the external issuer's verification. */
  handles(token: string): boolean {
    const iss = jwt.decode(token, { json: true })?.iss;
    return iss !== ACCESS_TOKEN_ISSUER;
  }

  async callerFor(token: string, requestId: string): Promise<Caller> {
    let identity: OidcIdentity;
    try {
      identity = await this.verifier.verify(token);
    } catch (error) {
      throw oidcError(error instanceof OidcVerificationError ? error.reason : 'TOKEN_INVALID');
    }
    const key = createHash('sha256').update(JSON.stringify(identity)).digest('hex');
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return { ...hit.caller, requestId };
    const caller = await this.link(identity, requestId);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { caller, until: Date.now() + CACHE_MS });
    return { ...caller, requestId };
  }

  private async link(identity: OidcIdentity, requestId: string): Promise<Caller> {
    const body: ExternalIdentity = {
      issuer: identity.issuer, subject: identity.subject, username: identity.username, displayName: identity.displayName,
      roles: identity.roles, region: identity.region, dealerId: identity.dealerCode,
    };
    const url = new URL(EXTERNAL_LINK_PATH, this.identityUrl).toString();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lianxiao-caller': signGatewayAssertion({ caller: null, requestId }, this.internalSecret) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await response.json().catch(() => ({}))) as { caller?: Caller; error?: { code: string; messageZh?: string; messageEn?: string } };
    if (answer.caller) return answer.caller;
    const e = answer.error ?? { code: 'INTERNAL_ERROR' };
    throw new GraphQLError(e.messageEn ?? 'The single-sign-on user could not be linked', {
      extensions: { code: e.code, messageZh: e.messageZh ?? '单点登录用户无法关联', messageEn: e.messageEn ?? 'The single-sign-on user could not be linked', http: { status: e.code === 'ACCOUNT_LOCKED' ? 423 : 403 } },
    });
  }
}
