import { createPublicKey, KeyObject } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { Role } from '@lianxiao/platform';
import type { OidcConfig } from './oidc-config';

/** Why a token from the external issuer was refused; each has its own 401 code. */
export type OidcFailure = 'TOKEN_EXPIRED' | 'TOKEN_WRONG_AUDIENCE' | 'TOKEN_WRONG_ISSUER' | 'TOKEN_INVALID_SIGNATURE' | 'TOKEN_INVALID' | 'OIDC_ISSUER_UNREACHABLE';

/** What the external issuer says about the person, mapped to Lianxiao terms. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  username: string;
  displayName: string;
  roles: Role[];
  region: string | null;
  dealerCode: string | null;
}

export class OidcVerificationError extends Error {
  constructor(readonly reason: OidcFailure, detail: string) {
    super(detail);
  }
}

function claim(payload: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), payload);
}

/**
 * Verifies bearer tokens of one OIDC issuer: discovery (`/.well-known/openid-configuration`) for
 * the JWKS URI, keys cached by `kid` and refetched (at most every 30 s) when an unknown `kid`
 * shows up (key rotation), then signature, `iss`, `aud`, `exp`/`nbf` with a small clock tolerance.
 * (jsonwebtoken + node:crypto JWK import rather than jose: jose 6 is ESM-only and Jest here runs CJS.)
 */
export class OidcVerifier {
  private jwksUri: string | null;
  private keys = new Map<string, KeyObject>();
  private lastFetch = 0;
  private fetching: Promise<void> | null = null;

  constructor(readonly config: OidcConfig, private readonly fetchFn: typeof fetch = fetch) {
    this.jwksUri = config.jwksUri;
  }

  /** True when the token (unverified) names this issuer: the gateway then verifies it here. */
  claimsThisIssuer(token: string): boolean {
    const decoded = jwt.decode(token, { json: true });
    return typeof decoded?.iss === 'string' && decoded.iss.replace(/\/$/, '') === this.config.issuer;
  }

  async verify(token: string): Promise<OidcIdentity> {
    const header = jwt.decode(token, { complete: true })?.header;
    if (!header) throw new OidcVerificationError('TOKEN_INVALID', 'not a JWT');
    if (!this.config.algorithms.includes(header.alg)) throw new OidcVerificationError('TOKEN_INVALID_SIGNATURE', `algorithm ${header.alg} is not accepted`);
    const key = await this.keyFor(header.kid);
    let payload: jwt.JwtPayload;
    try {
      payload = jwt.verify(token, key, {
        algorithms: this.config.algorithms as jwt.Algorithm[],
        issuer: [this.config.issuer, `${this.config.issuer}/`],
        audience: this.config.audience,
        clockTolerance: this.config.clockToleranceSeconds,
      }) as jwt.JwtPayload;
    } catch (error) {
      throw this.classify(error);
    }
    return this.identityOf(payload);
  }

  private classify(error: unknown): OidcVerificationError {
    if (error instanceof jwt.TokenExpiredError) return new OidcVerificationError('TOKEN_EXPIRED', error.message);
    const message = (error as Error)?.message ?? String(error);
    if (/audience invalid/.test(message)) return new OidcVerificationError('TOKEN_WRONG_AUDIENCE', message);
    if (/issuer invalid/.test(message)) return new OidcVerificationError('TOKEN_WRONG_ISSUER', message);
    if (/invalid signature|invalid algorithm/.test(message)) return new OidcVerificationError('TOKEN_INVALID_SIGNATURE', message);
    return new OidcVerificationError('TOKEN_INVALID', message);
  }

  private identityOf(payload: jwt.JwtPayload): OidcIdentity {
    const subject = payload.sub;
    if (!subject) throw new OidcVerificationError('TOKEN_INVALID', 'the token has no sub');
    const raw = claim(payload, this.config.rolesClaim);
    const values = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[\s,]+/).filter(Boolean) : [];
    const known = Object.values(Role) as string[];
    const roles = [...new Set(values.map((v) => this.config.roleMap[v] ?? (known.includes(v.toUpperCase()) ? (v.toUpperCase() as Role) : null)).filter((r): r is Role => r !== null))];
    const str = (path: string) => {
      const v = claim(payload, path);
      return typeof v === 'string' && v.trim() ? v.trim() : null;
    };
    return {
      issuer: this.config.issuer,
      subject,
      username: (str(this.config.usernameClaim) ?? subject).slice(0, 64),
      displayName: (str(this.config.nameClaim) ?? str(this.config.usernameClaim) ?? subject).slice(0, 128),
      roles,
      region: str(this.config.regionClaim),
      dealerCode: str(this.config.dealerClaim),
    };
  }

  private async keyFor(kid: string | undefined): Promise<KeyObject> {
    const cached = this.lookup(kid);
    if (cached) return cached;
    if (Date.now() - this.lastFetch > 30_000 || !this.keys.size) await this.refreshKeys();
    const key = this.lookup(kid);
    if (!key) throw new OidcVerificationError('TOKEN_INVALID_SIGNATURE', `no key ${kid ?? '(no kid)'} in the issuer's JWKS`);
    return key;
  }

  private lookup(kid: string | undefined): KeyObject | undefined {
    if (kid) return this.keys.get(kid);
    return this.keys.size === 1 ? [...this.keys.values()][0] : undefined;
  }

  private refreshKeys(): Promise<void> {
    this.fetching ??= this.fetchKeys().finally(() => {
      this.fetching = null;
    });
    return this.fetching;
  }

  private async fetchKeys(): Promise<void> {
    this.lastFetch = Date.now();
    try {
      if (!this.jwksUri) {
        const discovery = (await this.getJson(`${this.config.issuer}/.well-known/openid-configuration`)) as { issuer?: string; jwks_uri?: string };
        if (!discovery.jwks_uri) throw new Error('discovery document has no jwks_uri');
        this.jwksUri = discovery.jwks_uri;
      }
      const jwks = (await this.getJson(this.jwksUri)) as { keys?: (Record<string, unknown> & { kid?: string; use?: string })[] };
      const keys = new Map<string, KeyObject>();
      for (const jwk of jwks.keys ?? []) {
        if (jwk.use && jwk.use !== 'sig') continue;
        try {
          keys.set(jwk.kid ?? `#${keys.size}`, createPublicKey({ key: jwk as never, format: 'jwk' }));
        } catch {
          // a key type node cannot import is skipped; tokens signed with it fail as unknown kid
        }
      }
      this.keys = keys;
    } catch (error) {
      throw new OidcVerificationError('OIDC_ISSUER_UNREACHABLE', (error as Error).message);
    }
  }

  private async getJson(url: string): Promise<unknown> {
    const response = await this.fetchFn(url, { signal: AbortSignal.timeout(5_000), headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return response.json();
  }
}
