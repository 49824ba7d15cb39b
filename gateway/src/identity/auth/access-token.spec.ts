import { Role } from '@lianxiao/platform';
import { signAccessToken, verifyAccessToken } from './access-token';

const SECRET = 'access-token-spec-secret-0123456789';
const caller = { userId: 'u1', username: 'rep.east1', displayName: '华东销售一', roles: [Role.REP], region: 'EAST', dealerId: null, supervisorId: 's1' };

describe('access token', () => {
  afterEach(() => jest.useRealTimers());

  it('gives the same caller on a second verification, and refuses it under another secret', () => {
    const token = signAccessToken(caller, SECRET, 60);
    const first = verifyAccessToken(token, SECRET);
    expect(first).toMatchObject({ userId: 'u1', roles: [Role.REP], region: 'EAST' });
    expect(verifyAccessToken(token, SECRET)).toEqual(first);
    expect(verifyAccessToken(token, 'another-secret-of-enough-length')).toBe('invalid');
  });

  it('says expired once the token has run out, even after it was verified while valid', () => {
    jest.useFakeTimers({ now: new Date('2026-11-23T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const token = signAccessToken(caller, SECRET, 30);
    expect(typeof verifyAccessToken(token, SECRET)).toBe('object');
    jest.setSystemTime(new Date('2026-11-23T10:00:31Z'));
    expect(verifyAccessToken(token, SECRET)).toBe('expired');
    expect(verifyAccessToken(token, SECRET)).toBe('expired');
  });

  it('refuses a tampered token', () => {
    const token = signAccessToken(caller, SECRET, 60);
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: [Role.ADMIN] })).toString('base64url');
    expect(verifyAccessToken(`${header}.${forged}.${signature}`, SECRET)).toBe('invalid');
  });
});
