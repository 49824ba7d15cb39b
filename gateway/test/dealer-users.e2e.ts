import { randomUUID } from 'node:crypto';
import { errorCodes, gql, tokenFor } from '@lianxiao/testing';

/**
 * A dealer's staff manage their own dealer's accounts (myDealerUsers, createMyDealerUser,
 * setMyDealerUserLocked): always role DEALER of the caller's dealer, never another dealer's or an HQ
 * account. The new account signs in and sees only its dealer's data.
 */
interface DealerUser { id: string; username: string; displayName: string; roles: string[]; dealerId: string | null; locked: boolean }
const USER_FIELDS = 'id username displayName roles dealerId locked';
const LIST = `{ myDealerUsers { ${USER_FIELDS} } }`;
const CREATE = `mutation($input: CreateMyDealerUserInput!) { createMyDealerUser(input: $input) { ${USER_FIELDS} } }`;
const LOCK = `mutation($id: ID!, $locked: Boolean!) { setMyDealerUserLocked(id: $id, locked: $locked) { ${USER_FIELDS} } }`;
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }';
const unique = () => `d05.${randomUUID().slice(0, 8)}`;

describe("a dealer's own accounts", () => {
  let dealer05: string;
  let dealer06: string;
  let admin: string;
  let d05: string;
  let d06: string;
  const idOf: Record<string, string> = {};

  beforeAll(async () => {
    [dealer05, dealer06, admin] = await Promise.all([tokenFor('dealer05'), tokenFor('dealer06'), tokenFor('admin')]);
    const dealers = await gql<{ dealers: { nodes: { id: string; code: string }[] } }>('{ dealers(search: "D0", first: 20) { nodes { id code } } }', {}, admin);
    d05 = dealers.data!.dealers.nodes.find((d) => d.code === 'D05')!.id;
    d06 = dealers.data!.dealers.nodes.find((d) => d.code === 'D06')!.id;
    const users = await gql<{ users: { nodes: { id: string; username: string }[] } }>('{ users(first: 200) { nodes { id username } } }', {}, admin);
    for (const u of users.data!.users.nodes) idOf[u.username] = u.id;
    expect(idOf['dealer06'] && idOf['supervisor.east'] && idOf['dealer05']).toBeTruthy();
  });

  it("lists only the caller's own dealer's accounts, and only for dealer staff", async () => {
    const own = await gql<{ myDealerUsers: DealerUser[] }>(LIST, {}, dealer05);
    expect(own.errors).toBeUndefined();
    expect(own.data!.myDealerUsers.map((u) => u.username)).toContain('dealer05');
    expect(own.data!.myDealerUsers.every((u) => u.dealerId === d05 && u.roles.join() === 'DEALER')).toBe(true);
    expect(errorCodes(await gql(LIST, {}, admin))).toEqual(['FORBIDDEN']);
  });

  it('adds a DEALER account of dealer05 that signs in and sees only D05', async () => {
    const username = unique();
    const created = await gql<{ createMyDealerUser: DealerUser }>(CREATE, { input: { username, displayName: '福州 陈小敏', password: 'start-d05-123' } }, dealer05);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createMyDealerUser).toMatchObject({ username, roles: ['DEALER'], dealerId: d05, locked: false });

    const login = await gql<{ login: { accessToken: string } }>(LOGIN, { u: username, p: 'start-d05-123' });
    expect(login.errors).toBeUndefined();
    const token = login.data!.login.accessToken;
    const me = await gql<{ me: { roles: string[]; dealer: { code: string } }; dealers: { totalCount: number; nodes: { code: string }[] } }>(
      '{ me { roles dealer { code } } dealers(first: 50) { totalCount nodes { code } } }', {}, token);
    expect(me.data).toEqual({ me: { roles: ['DEALER'], dealer: { code: 'D05' } }, dealers: { totalCount: 1, nodes: [{ code: 'D05' }] } });
    expect(errorCodes(await gql('query($id: ID!) { dealer(id: $id) { code } }', { id: d06 }, token))).toEqual(['FORBIDDEN']);

    // dealer06 does not see it; the creation is in the audit log under dealer05's name.
    const theirs = await gql<{ myDealerUsers: DealerUser[] }>(LIST, {}, dealer06);
    expect(theirs.data!.myDealerUsers.map((u) => u.username)).not.toContain(username);
    const audit = await gql<{ identityAuditLog: { nodes: { username: string; after: string }[] } }>(
      'query($f: AuditLogFilter) { identityAuditLog(filter: $f) { nodes { username after } } }',
      { f: { entityType: 'User', entityId: created.data!.createMyDealerUser.id, action: 'INSERT' } }, admin);
    expect(audit.data!.identityAuditLog.nodes[0]).toMatchObject({ username: 'dealer05' });
    expect(JSON.parse(audit.data!.identityAuditLog.nodes[0].after)).toMatchObject({ username, dealerId: d05, passwordHash: '[REDACTED]' });
  });

  it('cannot be given a role or another dealer, and bad input is refused with nothing created', async () => {
    const username = unique();
    const withRole = await gql(`mutation { createMyDealerUser(input: { username: "${username}", displayName: "x", password: "long-enough-1", roles: ["ADMIN"], dealerId: "${d06}" }) { id } }`, {}, dealer05);
    expect(withRole.errors?.length).toBeGreaterThan(0);
    const bad = await gql(CREATE, { input: { username: `${username}!`, displayName: '<b>x</b>', password: 'short' } }, dealer05);
    expect(errorCodes(bad)).toEqual(['VALIDATION_FAILED']);
    expect(bad.errors![0].extensions!.messageZh).toBeTruthy();
    const taken = await gql(CREATE, { input: { username: 'dealer06', displayName: '重名', password: 'long-enough-1' } }, dealer05);
    expect(errorCodes(taken)).toEqual(['USERNAME_TAKEN']);
    const list = await gql<{ users: { totalCount: number } }>('query($s: String) { users(search: $s) { totalCount } }', { s: username }, admin);
    expect(list.data!.users.totalCount).toBe(0);
  });

  it('locks and unlocks an account of its own dealer', async () => {
    const username = unique();
    const { data } = await gql<{ createMyDealerUser: DealerUser }>(CREATE, { input: { username, displayName: '锁定测试', password: 'first-d05-pass' } }, dealer05);
    const id = data!.createMyDealerUser.id;
    const locked = await gql<{ setMyDealerUserLocked: DealerUser }>(LOCK, { id, locked: true }, dealer05);
    expect(locked.data!.setMyDealerUserLocked.locked).toBe(true);
    expect(errorCodes(await gql(LOGIN, { u: username, p: 'first-d05-pass' }))).toEqual(['ACCOUNT_LOCKED']);
    const unlocked = await gql<{ setMyDealerUserLocked: DealerUser }>(LOCK, { id, locked: false }, dealer05);
    expect(unlocked.data!.setMyDealerUserLocked.locked).toBe(false);
    expect((await gql(LOGIN, { u: username, p: 'first-d05-pass' })).errors).toBeUndefined();
    expect(errorCodes(await gql(LOCK, { id: idOf['dealer05'], locked: true }, dealer05))).toEqual(['VALIDATION_FAILED']);
  });

  it("cannot lock an HQ account or dealer06's account; both stay unlocked", async () => {
    for (const target of ['supervisor.east', 'dealer06']) {
      const answer = await gql(LOCK, { id: idOf[target], locked: true }, dealer05);
      expect(errorCodes(answer)).toEqual(['FORBIDDEN']);
      expect(answer.data?.setMyDealerUserLocked ?? null).toBeNull();
    }
    const users = await gql<{ users: { nodes: { username: string; locked: boolean }[] } }>('{ users(first: 200) { nodes { username locked } } }', {}, admin);
    const lockedOf = new Map(users.data!.users.nodes.map((u) => [u.username, u.locked]));
    expect([lockedOf.get('supervisor.east'), lockedOf.get('dealer06')]).toEqual([false, false]);
    expect((await gql(LOGIN, { u: 'dealer06', p: 'lianxiao' })).errors).toBeUndefined();
  });
});
