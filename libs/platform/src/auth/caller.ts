import * as jwt from 'jsonwebtoken';
import { hmacKey } from './hmac-key';
import { Role } from './role';

/** Header carrying the gateway-signed caller to every subgraph. */
export const CALLER_HEADER = 'x-lianxiao-caller';
const CALLER_AUDIENCE = 'lianxiao-subgraphs';
const CALLER_ISSUER = 'lianxiao-gateway';

/** The verified person behind a request, as the gateway asserted it. */
export interface Caller {
  userId: string;
  username: string;
  displayName?: string;
  roles: Role[];
  region?: string | null;
  dealerId?: string | null;
  supervisorId?: string | null;
  requestId?: string;
}

/** What a subgraph knows about a request: always that it came through the gateway, maybe who. */
export interface GatewayAssertion {
  caller: Caller | null;
  requestId?: string;
}

export function signGatewayAssertion(assertion: GatewayAssertion, secret: string, ttlSeconds = 60): string {
  return jwt.sign({ c: assertion.caller, rid: assertion.requestId }, hmacKey(secret), {
    algorithm: 'HS256',
    audience: CALLER_AUDIENCE,
    issuer: CALLER_ISSUER,
    expiresIn: ttlSeconds,
  });
}

/** Throws when the token is missing, forged, expired or for another audience. */
export function verifyGatewayAssertion(token: string, secret: string): GatewayAssertion {
  const payload = jwt.verify(token, hmacKey(secret), {
    algorithms: ['HS256'],
    audience: CALLER_AUDIENCE,
    issuer: CALLER_ISSUER,
  }) as { c: Caller | null; rid?: string };
  return { caller: payload.c ?? null, requestId: payload.rid };
}

export function hasRole(caller: Caller | null | undefined, ...roles: Role[]): boolean {
  return !!caller && caller.roles.some((r) => roles.includes(r));
}
