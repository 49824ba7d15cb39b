import * as jwt from 'jsonwebtoken';
import { hmacKey, setBounded, type Caller, type Role } from '@lianxiao/platform';

export const ACCESS_TOKEN_AUDIENCE = 'lianxiao';
export const ACCESS_TOKEN_ISSUER = 'lianxiao-identity';

interface AccessClaims {
  sub: string;
  usr: string;
  name: string;
  roles: Role[];
  region: string | null;
  dealer: string | null;
  sup: string | null;
}

export function signAccessToken(caller: Caller, secret: string, ttlSeconds: number): string {
  const claims: AccessClaims = {
    sub: caller.userId,
    usr: caller.username,
    name: caller.displayName ?? caller.username,
    roles: caller.roles,
    region: caller.region ?? null,
    dealer: caller.dealerId ?? null,
    sup: caller.supervisorId ?? null,
  };
  return jwt.sign(claims, hmacKey(secret), { algorithm: 'HS256', expiresIn: ttlSeconds, audience: ACCESS_TOKEN_AUDIENCE, issuer: ACCESS_TOKEN_ISSUER });
}

export type AccessTokenFailure = 'expired' | 'invalid';

interface VerifiedToken {
  secret: string;
  caller: Caller;
  expiresAtMs: number;
}

/**
 * Tokens already verified, by their text: the portal sends the same access token with every
 * request for its 15 minutes, and one request asks up to three times (rate limit, trusted
 * documents, context). A hit is exactly as good as verifying again, since an HMAC signature over
 * the same text under the same secret gives the same answer; only the expiry is checked anew.
 */
const verified = new Map<string, VerifiedToken>();
const MAX_VERIFIED_TOKENS = 5_000;

/** The caller behind a bearer token, or why not. */
export function verifyAccessToken(token: string, secret: string): Caller | AccessTokenFailure {
  const known = verified.get(token);
  if (known && known.secret === secret) {
    if (Date.now() < known.expiresAtMs) return known.caller;
    verified.delete(token);
    return 'expired';
  }
  try {
    const c = jwt.verify(token, hmacKey(secret), { algorithms: ['HS256'], audience: ACCESS_TOKEN_AUDIENCE, issuer: ACCESS_TOKEN_ISSUER }) as AccessClaims & { exp?: number };
    const caller: Caller = Object.freeze({ userId: c.sub, username: c.usr, displayName: c.name, roles: c.roles, region: c.region, dealerId: c.dealer, supervisorId: c.sup });
    if (typeof c.exp === 'number') {
      setBounded(verified, token, MAX_VERIFIED_TOKENS, { secret, caller, expiresAtMs: c.exp * 1000 });
    }
    return caller;
  } catch (error) {
    return error instanceof jwt.TokenExpiredError ? 'expired' : 'invalid';
  }
}
