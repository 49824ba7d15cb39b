/**
 * OIDC sign-in, end to end: a local OpenID issuer (discovery + JWKS, RS256) started here, and a
 * gateway of our own configured for it (its identity subgraph on a fresh SQLite file). Only
 * identity fields are queried, so the other subgraphs are not needed.
 */
import { loadOidcConfig } from '../src/server/oidc/oidc-config';
import { startTestIssuer, type TestIssuer } from './support/oidc-test-issuer';
import { startPrivateGateway, type PrivateGateway } from './support/private-gateway';

const AUDIENCE = 'lianxiao-portal';

describe('OIDC tokens at a gateway configured for an external issuer', () => {
  let issuer: TestIssuer;
  let gateway: PrivateGateway;
  const post = (query: string, token?: string) => gateway.post({ query }, token);

  beforeAll(async () => {
    issuer = await startTestIssuer(AUDIENCE);
    gateway = await startPrivateGateway({
      oidc: loadOidcConfig({ OIDC_ISSUER: issuer.issuer, OIDC_AUDIENCE: AUDIENCE, OIDC_ROLES_CLAIM: 'groups', OIDC_ROLE_MAP: 'lx-directors=DIRECTOR' }),
    });
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await issuer?.close();
  });

  it('answers a valid token with the linked local user, provisioned on first use and reused after', async () => {
    const token = issuer.sign({ sub: 'sso-7781', preferred_username: 'zhao.min', name: '赵敏', groups: ['lx-directors'], region: '华北' });
    const first = await post('{ me { id username displayName roles region externalIssuer } }', token);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.me).toMatchObject({ username: 'zhao.min', displayName: '赵敏', roles: ['DIRECTOR'], region: '华北', externalIssuer: issuer.issuer });
    const again = await post('{ me { id } }', issuer.sign({ sub: 'sso-7781', preferred_username: 'zhao.min', name: '赵敏', groups: ['lx-directors'] }));
    expect((again.body.data?.me as { id: string }).id).toBe((first.body.data?.me as { id: string }).id);
  });

  it.each([
    ['expired', { expiresInSeconds: -600 }, 'TOKEN_EXPIRED', '过期'],
    ['wrong audience', { audience: 'some-other-app' }, 'TOKEN_WRONG_AUDIENCE', '受众'],
    ['wrong issuer', { issuer: 'https://login.evil.example' }, 'TOKEN_WRONG_ISSUER', '签发方'],
    ['forged signature', { forged: true }, 'TOKEN_INVALID_SIGNATURE', '签名'],
  ] as const)('refuses a token with %s: 401 with a clear code in zh and en, no data', async (_label, options, reason, zh) => {
    const answer = await post('{ me { id username } }', issuer.sign({ sub: 'sso-1', groups: ['lx-directors'] }, options));
    expect(answer.status).toBe(401);
    expect(answer.body.data ?? null).toBeNull();
    const ext = answer.body.errors?.[0].extensions ?? {};
    expect(ext).toMatchObject({ code: 'UNAUTHENTICATED', reason });
    expect(String(ext.messageZh)).toContain(zh);
    expect(String(ext.messageEn).length).toBeGreaterThan(10);
  });

  it('refuses a valid token that maps to no Lianxiao role, writing no user', async () => {
    const answer = await post('{ me { id } }', issuer.sign({ sub: 'sso-norole', groups: ['cafeteria'] }));
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'OIDC_NO_ROLE' });
    expect(answer.body.data?.me ?? null).toBeNull();
  });
});
