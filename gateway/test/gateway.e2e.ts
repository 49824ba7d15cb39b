import { errorCodes, gql, tokenFor } from '@lianxiao/testing';

const ME = '{ me { id username displayName roles region dealer { id code name } } }';

describe('sign-in and identity through the gateway', () => {
  it('signs in the director and answers me with roles', async () => {
    const token = await tokenFor('director');
    const answer = await gql<{ me: { username: string; roles: string[]; dealer: null } }>(ME, {}, token);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.me.username).toBe('director');
    expect(answer.data?.me.roles).toEqual(['DIRECTOR']);
    expect(answer.data?.me.dealer).toBeNull();
  });

  it('refuses a wrong password with a clear bilingual error and no token', async () => {
    const answer = await gql('mutation { login(username: "director", password: "wrong") { accessToken } }');
    expect(answer.data?.login ?? null).toBeNull();
    expect(errorCodes(answer)).toEqual(['INVALID_CREDENTIALS']);
    expect(answer.errors?.[0].extensions?.messageZh).toBe('用户名或密码错误');
    expect(answer.errors?.[0].extensions?.messageEn).toBe('Wrong username or password');
    expect(JSON.stringify(answer)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('gives dealer05 its own dealer through federation (identity → dealers)', async () => {
    const token = await tokenFor('dealer05');
    const answer = await gql<{ me: { roles: string[]; dealer: { code: string } } }>(ME, {}, token);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.me.roles).toEqual(['DEALER']);
    expect(answer.data?.me.dealer.code).toBe('D05');
  });

  it('rejects a forged token with 401 UNAUTHENTICATED', async () => {
    const answer = await gql(ME, {}, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged');
    expect(answer.status).toBe(401);
    expect(errorCodes(answer)).toEqual(['UNAUTHENTICATED']);
  });

  it('asks for sign-in when me is called without a token', async () => {
    const answer = await gql(ME);
    expect(errorCodes(answer)).toContain('UNAUTHENTICATED');
    expect(answer.data?.me ?? null).toBeNull();
  });

  it('rotates refresh tokens: the new one works, the used one is refused', async () => {
    const login = await gql<{ login: { refreshToken: string } }>('mutation { login(username: "rep.east1", password: "lianxiao") { refreshToken } }');
    const first = login.data!.login.refreshToken;
    const refreshed = await gql<{ refreshToken: { accessToken: string; refreshToken: string } }>(
      'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }', { t: first });
    expect(refreshed.errors).toBeUndefined();
    expect(refreshed.data?.refreshToken.refreshToken).not.toBe(first);
    const again = await gql('mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }', { t: first });
    expect(errorCodes(again)).toEqual(['INVALID_REFRESH_TOKEN']);
  });
});

describe('dealers through the gateway', () => {
  it('shows the director all 37 dealers', async () => {
    const answer = await gql<{ dealers: { totalCount: number; nodes: { code: string }[] } }>(
      '{ dealers(first: 50) { totalCount nodes { code } } }', {}, await tokenFor('director'));
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.dealers.totalCount).toBe(37);
    expect(answer.data?.dealers.nodes).toHaveLength(37);
  });

  it('shows dealer05 only its own dealer and refuses another by id', async () => {
    const director = await gql<{ dealers: { nodes: { id: string; code: string }[] } }>(
      '{ dealers(first: 50) { nodes { id code } } }', {}, await tokenFor('director'));
    const d06 = director.data!.dealers.nodes.find((d) => d.code === 'D06')!;
    const token = await tokenFor('dealer05');
    const own = await gql<{ dealers: { totalCount: number; nodes: { code: string }[] } }>('{ dealers { totalCount nodes { code } } }', {}, token);
    expect(own.data?.dealers.totalCount).toBe(1);
    expect(own.data?.dealers.nodes.map((d) => d.code)).toEqual(['D05']);
    const other = await gql<{ dealer: unknown }>('query($id: ID!) { dealer(id: $id) { code name phone } }', { id: d06.id }, token);
    expect(other.data?.dealer ?? null).toBeNull();
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
  });

  it('pages with cursors: two pages of 20 cover different dealers', async () => {
    const token = await tokenFor('director');
    const page1 = await gql<{ dealers: { nodes: { code: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      '{ dealers(first: 20) { nodes { code } pageInfo { hasNextPage endCursor } } }', {}, token);
    expect(page1.data?.dealers.pageInfo.hasNextPage).toBe(true);
    const page2 = await gql<{ dealers: { nodes: { code: string }[]; pageInfo: { hasNextPage: boolean } } }>(
      'query($after: String) { dealers(first: 20, after: $after) { nodes { code } pageInfo { hasNextPage } } }',
      { after: page1.data?.dealers.pageInfo.endCursor }, token);
    expect(page2.data?.dealers.nodes).toHaveLength(17);
    expect(page2.data?.dealers.pageInfo.hasNextPage).toBe(false);
    expect(page2.data?.dealers.nodes[0].code).toBe('D21');
  });
});
