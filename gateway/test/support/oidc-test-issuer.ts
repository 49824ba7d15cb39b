import { generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import * as http from 'node:http';
import * as jwt from 'jsonwebtoken';

/**
 * A tiny OpenID Connect issuer for tests: discovery + JWKS over HTTP on a free port, RS256
 * tokens signed with its key. `forger` signs with a key that is not in the JWKS.
 */
export interface TestIssuer {
  issuer: string;
  sign(claims: Record<string, unknown>, options?: { expiresInSeconds?: number; audience?: string; issuer?: string; forged?: boolean }): string;
  jwksRequests(): number;
  close(): Promise<void>;
}

export async function startTestIssuer(defaultAudience: string): Promise<TestIssuer> {
  const kid = `k-${randomUUID().slice(0, 8)}`;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forger: KeyObject = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  let jwks = 0;
  let issuer = '';
  const server = http.createServer((req, res) => {
    if (req.url === '/.well-known/openid-configuration') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/jwks') {
      jwks += 1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    issuer,
    sign: (claims, options = {}) =>
      jwt.sign(claims, options.forged ? forger : privateKey, {
        algorithm: 'RS256',
        keyid: kid,
        issuer: options.issuer ?? issuer,
        audience: options.audience ?? defaultAudience,
        expiresIn: options.expiresInSeconds ?? 300,
      }),
    jwksRequests: () => jwks,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
