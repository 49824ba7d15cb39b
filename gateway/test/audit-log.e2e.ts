import { errorCodes, gql, tokenFor } from '@lianxiao/testing';

interface AuditNode { seq: number; service: string; username: string | null; roles: string[]; action: string; entityType: string; entityId: string; before: string | null; after: string | null; requestId: string | null; hash: string; prevHash: string }
type AuditAnswer = { identityAuditLog: { totalCount: number; nodes: AuditNode[] } };

const AUDIT_LOG = `query($filter: AuditLogFilter, $first: Int) {
  identityAuditLog(filter: $filter, first: $first) { totalCount nodes { seq service username roles action entityType entityId before after requestId hash prevHash } }
}`;

describe('audit log (hash-chained, per service)', () => {
  it('records a sign-out as the caller, with the changed fields only and the token hash redacted', async () => {
    const login = await gql<{ login: { accessToken: string; refreshToken: string } }>('mutation { login(username: "legal", password: "lianxiao") { accessToken refreshToken } }');
    const { accessToken, refreshToken } = login.data!.login;
    const since = new Date(Date.now() - 5_000).toISOString();
    const out = await gql('mutation($t: String) { logout(refreshToken: $t) }', { t: refreshToken }, accessToken);
    expect(out.errors).toBeUndefined();

    const admin = await tokenFor('admin');
    const answer = await gql<AuditAnswer>(AUDIT_LOG, { filter: { entityType: 'RefreshToken', username: 'legal', from: since }, first: 5 }, admin);
    expect(answer.errors).toBeUndefined();
    const [entry] = answer.data!.identityAuditLog.nodes;
    expect(entry).toMatchObject({ service: 'identity', username: 'legal', roles: ['LEGAL'], action: 'UPDATE', entityType: 'RefreshToken' });
    expect(Object.keys(JSON.parse(entry.after!))).toEqual(['revokedAt']);
    expect(JSON.parse(entry.before!)).toEqual({ revokedAt: null });
    expect(entry.requestId).toBeTruthy();
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);

    // The sign-in that created the token is there too, anonymous, without the token hash.
    const created = await gql<AuditAnswer>(AUDIT_LOG, { filter: { entityType: 'RefreshToken', entityId: entry.entityId, action: 'INSERT' } }, admin);
    const insert = created.data!.identityAuditLog.nodes[0];
    expect(insert.username).toBeNull();
    expect(JSON.parse(insert.after!).tokenHash).toBe('[REDACTED]');
    expect(insert.seq).toBeLessThan(entry.seq);
  });

  it('pages newest first and filters by time range', async () => {
    const admin = await tokenFor('director');
    const page = await gql<AuditAnswer>(AUDIT_LOG, { first: 3 }, admin);
    const seqs = page.data!.identityAuditLog.nodes.map((n) => n.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const future = await gql<AuditAnswer>(AUDIT_LOG, { filter: { from: '2099-01-01T00:00:00Z' } }, admin);
    expect(future.data!.identityAuditLog.totalCount).toBe(0);
  });

  it('refuses anyone but admin and director, and a bad filter with a bilingual error', async () => {
    const rep = await gql<AuditAnswer>(AUDIT_LOG, {}, await tokenFor('rep.east1'));
    expect(errorCodes(rep)).toEqual(['FORBIDDEN']);
    const dealer = await gql('{ ordersAuditLog { totalCount } }', {}, await tokenFor('dealer05'));
    expect(errorCodes(dealer)).toEqual(['FORBIDDEN']);
    const bad = await gql(AUDIT_LOG, { filter: { action: 'DROP' } }, await tokenFor('admin'));
    expect(errorCodes(bad)).toEqual(['VALIDATION_FAILED']);
    expect(bad.errors?.[0].extensions?.messageZh).toContain('INSERT');
  });
});
