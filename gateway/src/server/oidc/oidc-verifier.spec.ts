import { OidcVerifier, OidcVerificationError } from './oidc-verifier';
import { loadOidcConfig } from './oidc-config';
import { startTestIssuer, TestIssuer } from '../../../test/support/oidc-test-issuer';

describe('OIDC verifier against a local issuer (discovery + JWKS, RS256)', () => {
  let issuer: TestIssuer;
  let verifier: OidcVerifier;
  beforeAll(async () => {
    issuer = await startTestIssuer('lianxiao-api');
    verifier = new OidcVerifier(loadOidcConfig({ OIDC_ISSUER: issuer.issuer, OIDC_AUDIENCE: 'lianxiao-api', OIDC_ROLES_CLAIM: 'groups', OIDC_ROLE_MAP: 'sales-directors=DIRECTOR,dealer-staff=DEALER' })!);
  });
  afterAll(() => issuer.close());

  const reasonOf = (p: Promise<unknown>) => p.then(() => 'accepted', (e: unknown) => (e instanceof OidcVerificationError ? e.reason : String(e)));

  it('accepts a valid token and maps its claims to roles, region and dealer', async () => {
    const token = issuer.sign({ sub: 'abc-123', preferred_username: 'wang.li', name: '王力', groups: ['sales-directors', 'unrelated', 'finance'], region: '华东' });
    expect(await verifier.verify(token)).toEqual({
      issuer: issuer.issuer, subject: 'abc-123', username: 'wang.li', displayName: '王力', roles: ['DIRECTOR', 'FINANCE'], region: '华东', dealerCode: null,
    });
    // Keys are cached: a second token does not fetch the JWKS again.
    await verifier.verify(issuer.sign({ sub: 'x', groups: ['dealer-staff'], dealer_id: 'd-5' }));
    expect(issuer.jwksRequests()).toBe(1);
  });

  it('refuses expired, wrong-audience, wrong-issuer and forged tokens, each with its own reason', async () => {
    expect(await reasonOf(verifier.verify(issuer.sign({ sub: 'a' }, { expiresInSeconds: -120 })))).toBe('TOKEN_EXPIRED');
    expect(await reasonOf(verifier.verify(issuer.sign({ sub: 'a' }, { audience: 'another-app' })))).toBe('TOKEN_WRONG_AUDIENCE');
    expect(await reasonOf(verifier.verify(issuer.sign({ sub: 'a' }, { issuer: 'https://evil.example' })))).toBe('TOKEN_WRONG_ISSUER');
    expect(await reasonOf(verifier.verify(issuer.sign({ sub: 'a' }, { forged: true })))).toBe('TOKEN_INVALID_SIGNATURE');
    expect(await reasonOf(verifier.verify('not.a.jwt'))).toBe('TOKEN_INVALID');
  });

  it('says the issuer is unreachable when discovery fails', async () => {
    const offline = new OidcVerifier(loadOidcConfig({ OIDC_ISSUER: 'http://127.0.0.1:9', OIDC_AUDIENCE: 'x' })!);
    expect(await reasonOf(offline.verify(issuer.sign({ sub: 'a' })))).toBe('OIDC_ISSUER_UNREACHABLE');
  });
});
