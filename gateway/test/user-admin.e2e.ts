import { randomUUID } from 'node:crypto';
import { errorCodes, gql, tokenFor } from '@lianxiao/testing';

interface AdminUser { id: string; username: string; displayName: string; roles: string[]; region: string | null; supervisorId: string | null; dealerId: string | null; locked: boolean }
const USER_FIELDS = 'id username displayName roles region supervisorId dealerId locked';
const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`;
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }';
const unique = () => `t.${randomUUID().slice(0, 8)}`;

describe('user administration (admin only, audited)', () => {
  let admin: string;
  let supervisorEastId: string;
  beforeAll(async () => {
    admin = await tokenFor('admin');
    const found = await gql<{ users: { nodes: AdminUser[] } }>(`query { users(search: "supervisor.east", first: 5) { nodes { ${USER_FIELDS} } } }`, {}, admin);
    supervisorEastId = found.data!.users.nodes.find((u) => u.username === 'supervisor.east')!.id;
  });

  it('creates a rep with region and reporting line who can then sign in; the creation is in the audit log', async () => {
    const username = unique();
    const created = await gql<{ createUser: AdminUser }>(CREATE, { input: { username, displayName: '测试销售', password: 'start-123456', roles: ['REP'], region: '华东', supervisorId: supervisorEastId } }, admin);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createUser).toMatchObject({ username, roles: ['REP'], region: '华东', supervisorId: supervisorEastId, locked: false });
    const login = await gql<{ login: { accessToken: string } }>(LOGIN, { u: username, p: 'start-123456' });
    expect(login.errors).toBeUndefined();
    const me = await gql<{ me: { username: string; roles: string[] } }>('{ me { username roles } }', {}, login.data!.login.accessToken);
    expect(me.data!.me).toEqual({ username, roles: ['REP'] });

    const audit = await gql<{ identityAuditLog: { nodes: { action: string; username: string; after: string }[] } }>(
      'query($f: AuditLogFilter) { identityAuditLog(filter: $f) { nodes { action username after } } }',
      { f: { entityType: 'User', entityId: created.data!.createUser.id, action: 'INSERT' } }, admin);
    const [entry] = audit.data!.identityAuditLog.nodes;
    expect(entry).toMatchObject({ action: 'INSERT', username: 'admin' });
    expect(JSON.parse(entry.after)).toMatchObject({ username, passwordHash: '[REDACTED]' });
  });

  it('refuses bad input with typed bilingual errors and writes nothing', async () => {
    const username = unique();
    const bad = await gql(CREATE, { input: { username, displayName: ' ', password: 'short', roles: ['DEALER', 'REP', 'WIZARD'], region: 'Atlantis' } }, admin);
    expect(errorCodes(bad)).toEqual(['VALIDATION_FAILED']);
    const details = bad.errors![0].extensions!.details as { field: string; messageZh: string; messageEn: string }[];
    expect(details.map((d) => d.field)).toEqual(expect.arrayContaining(['displayName', 'password', 'roles', 'dealerId', 'region']));
    expect(details.every((d) => d.messageZh && d.messageEn)).toBe(true);
    const list = await gql<{ users: { totalCount: number } }>('query($s: String) { users(search: $s) { totalCount } }', { s: username }, admin);
    expect(list.data!.users.totalCount).toBe(0);
    const taken = await gql(CREATE, { input: { username: 'admin', displayName: 'x', password: 'long-enough-1', roles: ['FINANCE'] } }, admin);
    expect(errorCodes(taken)).toEqual(['USERNAME_TAKEN']);
  });

  it('locks and unlocks an account, resets its password, and changes its access', async () => {
    const username = unique();
    const { data } = await gql<{ createUser: AdminUser }>(CREATE, { input: { username, displayName: '锁定测试', password: 'first-pass-1', roles: ['FINANCE'] } }, admin);
    const id = data!.createUser.id;
    const locked = await gql<{ setUserLocked: AdminUser }>(`mutation($id: ID!) { setUserLocked(id: $id, locked: true) { ${USER_FIELDS} } }`, { id }, admin);
    expect(locked.data!.setUserLocked.locked).toBe(true);
    expect(errorCodes(await gql(LOGIN, { u: username, p: 'first-pass-1' }))).toEqual(['ACCOUNT_LOCKED']);
    await gql(`mutation($id: ID!) { setUserLocked(id: $id, locked: false) { id } }`, { id }, admin);
    const reset = await gql(`mutation($id: ID!) { resetUserPassword(id: $id, newPassword: "second-pass-2") { id } }`, { id }, admin);
    expect(reset.errors).toBeUndefined();
    expect(errorCodes(await gql(LOGIN, { u: username, p: 'first-pass-1' }))).toEqual(['INVALID_CREDENTIALS']);
    expect((await gql(LOGIN, { u: username, p: 'second-pass-2' })).errors).toBeUndefined();
    const access = await gql<{ updateUserAccess: AdminUser }>(
      `mutation($id: ID!, $input: UserAccessInput!) { updateUserAccess(id: $id, input: $input) { ${USER_FIELDS} } }`,
      { id, input: { roles: ['SUPERVISOR'], region: '华南' } }, admin);
    expect(access.data!.updateUserAccess).toMatchObject({ roles: ['SUPERVISOR'], region: '华南' });
  });

  it('refuses the user mutations to anyone but admin, changing nothing', async () => {
    const director = await tokenFor('director');
    const username = unique();
    const attempt = await gql(CREATE, { input: { username, displayName: 'x', password: 'long-enough-1', roles: ['ADMIN'] } }, director);
    expect(errorCodes(attempt)).toEqual(['FORBIDDEN']);
    const dealer = await gql(`mutation { setUserLocked(id: "${supervisorEastId}", locked: true) { id } }`, {}, await tokenFor('dealer05'));
    expect(errorCodes(dealer)).toEqual(['FORBIDDEN']);
    const list = await gql<{ users: { totalCount: number } }>('query($s: String) { users(search: $s) { totalCount } }', { s: username }, admin);
    expect(list.data!.users.totalCount).toBe(0);
  });
});
