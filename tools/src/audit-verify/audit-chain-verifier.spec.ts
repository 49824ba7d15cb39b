import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { AUDIT_ENTITIES, appendAuditEntries, dataSourceOptions } from '@lianxiao/platform';
import { auditTargets, verifyAuditChain } from './audit-chain-verifier';

async function writeChain(file: string, count: number): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions({ databaseUrl: `sqlite:${file}`, entities: AUDIT_ENTITIES, migrations: [] }));
  await ds.initialize();
  const qr = ds.createQueryRunner();
  await qr.startTransaction();
  await appendAuditEntries(
    qr,
    Array.from({ length: count }, (_, i) => ({
      occurredAt: new Date(Date.UTC(2026, 10, 23, 12, 0, i)),
      requestId: `r${i}`, userId: 'u1', username: 'admin', roles: 'ADMIN', action: 'UPDATE', entityType: 'Contract', entityId: `c${i}`,
      before: '{"amount":1}', after: `{"amount":${i + 2}}`,
    })),
  );
  await qr.commitTransaction();
  await qr.release();
  return ds;
}

describe('audit:verify', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-verify-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('counts the entries of an intact chain and skips a service without a database', async () => {
    const ds = await writeChain(path.join(dir, 'orders.sqlite'), 5);
    await ds.destroy();
    const [identity, orders] = auditTargets(['identity', 'orders'], { dataDir: dir });
    expect(await verifyAuditChain(identity)).toMatchObject({ status: 'skipped' });
    expect(await verifyAuditChain(orders)).toEqual({ service: 'orders', status: 'ok', checked: 5 });
  });

  it('names the seq of a tampered row', async () => {
    const ds = await writeChain(path.join(dir, 'orders.sqlite'), 5);
    await ds.query(`UPDATE audit_entry SET "after" = '{"amount":999}' WHERE seq = 3`);
    await ds.destroy();
    expect(await verifyAuditChain(auditTargets(['orders'], { dataDir: dir })[0])).toMatchObject({ status: 'broken', seq: 3, checked: 2 });
  });

  it('notices a deleted entry in the middle and entries cut off the end', async () => {
    const ds = await writeChain(path.join(dir, 'orders.sqlite'), 5);
    await ds.query('DELETE FROM audit_entry WHERE seq = 5');
    expect(await verifyAuditChain(auditTargets(['orders'], { dataDir: dir })[0])).toMatchObject({ status: 'broken', seq: 5 });
    await ds.query('DELETE FROM audit_entry WHERE seq = 2');
    await ds.destroy();
    expect(await verifyAuditChain(auditTargets(['orders'], { dataDir: dir })[0])).toMatchObject({ status: 'broken', seq: 2 });
  });
});
