/**
 * Trusted documents in production mode: a gateway of our own with NODE_ENV=production semantics
 * (config.production) and the committed portal manifest (gateway/persisted-documents.json).
 */
import { loadManifest } from '../src/server/persisted-documents/persisted-document-manifest';
import { startPrivateGateway, type PrivateGateway } from './support/private-gateway';

describe('persisted / trusted documents in production mode', () => {
  let gateway: PrivateGateway;
  const manifest = loadManifest()!;
  const [loginHash, login] = Object.entries(manifest.operations).find(([, op]) => op.name === 'Login')!;
  const signIn = async (username: string) => {
    const answer = await gateway.post({ query: login.document, variables: { username, password: 'lianxiao' } });
    return (answer.body.data?.login as { accessToken: string }).accessToken;
  };

  beforeAll(async () => {
    gateway = await startPrivateGateway({ production: true, seedDemo: true });
  }, 60_000);
  afterAll(() => gateway?.close());

  it("accepts the portal's own operation as text (with __typename and other spacing) and by APQ hash", async () => {
    const text = login.document.replace('accessToken', '__typename\n    accessToken').replace(/\n/g, '\n\n');
    const byText = await gateway.post({ query: text, variables: { username: 'rep.east1', password: 'lianxiao' } });
    expect(byText.body.errors).toBeUndefined();
    expect((byText.body.data?.login as { accessToken: string }).accessToken).toBeTruthy();
    const byHash = await gateway.post({ extensions: { persistedQuery: { version: 1, sha256Hash: loginHash } }, variables: { username: 'rep.east1', password: 'lianxiao' } });
    expect(byHash.body.errors).toBeUndefined();
    expect((byHash.body.data?.login as { accessToken: string }).accessToken).toBeTruthy();
  });

  it('refuses an ad-hoc document and an unknown hash with 400 PERSISTED_QUERY_NOT_FOUND in zh and en', async () => {
    const token = await signIn('rep.east1');
    const adHoc = await gateway.post({ query: '{ me { id username roles } }' }, token);
    expect(adHoc.status).toBe(400);
    expect(adHoc.body.data ?? null).toBeNull();
    expect(adHoc.body.errors?.[0].extensions).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND' });
    expect(String(adHoc.body.errors?.[0].extensions?.messageZh)).toContain('未知的查询文档');
    const unknownHash = await gateway.post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }, token);
    expect(unknownHash.status).toBe(400);
    expect(unknownHash.body.errors?.[0].extensions).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND', sha256Hash: 'f'.repeat(64) });
  });

  it('lets an ADMIN run ad-hoc admin tooling queries', async () => {
    const answer = await gateway.post({ query: '{ me { username roles } }' }, await signIn('admin'));
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.me).toEqual({ username: 'admin', roles: ['ADMIN'] });
  });
});
