import * as jwt from 'jsonwebtoken';
import { hmacKey, type Caller, type Role } from '@lianxiao/platform';

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

/** The caller behind a bearer token, or why not. */
export function verifyAccessToken(token: string, secret: string): Caller | AccessTokenFailure {
  try {
    const c = jwt.verify(token, hmacKey(secret), { algorithms: ['HS256'], audience: ACCESS_TOKEN_AUDIENCE, issuer: ACCESS_TOKEN_ISSUER }) as AccessClaims;
    return { userId: c.sub, username: c.usr, displayName: c.name, roles: c.roles, region: c.region, dealerId: c.dealer, supervisorId: c.sup };
  } catch (error) {
    return error instanceof jwt.TokenExpiredError ? 'expired' : 'invalid';
  }
}
