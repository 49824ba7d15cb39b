import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '../auth/role';
import { dataSourceOptions } from '../database/data-source-options';
import { AUDIT_ENTITIES } from './index';
import { AuditEntry } from './audit-entry.entity';
import { findAuditChainBreak } from './audit-chain';
import { runInAuditContext } from './audit-context';

@Entity('audit_test_thing')
class Thing {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 50 })
  name: string;

  @Column('int', { default: 0 })
  amount: number;

  @Column('varchar', { length: 100, nullable: true })
  passwordHash: string | null;
}

const caller = { userId: 'u-admin', username: 'admin', roles: [Role.ADMIN] };
const asAdmin = <T>(fn: () => Promise<T>) => runInAuditContext({ caller, requestId: 'req-1' }, fn);

describe('audit trail', () => {
  let ds: DataSource;
  beforeEach(async () => {
    ds = new DataSource(dataSourceOptions({ databaseUrl: 'sqlite::memory:', entities: [Thing, ...AUDIT_ENTITIES], migrations: [] }));
    await ds.initialize();
  });
  afterEach(() => ds.destroy());
  const entries = () => ds.getRepository(AuditEntry).find({ order: { seq: 'ASC' } });

  it('records who changed which entity, only the changed fields, sensitive values redacted', async () => {
    await asAdmin(() => ds.getRepository(Thing).save({ id: 't1', name: 'first', amount: 1, passwordHash: 'secret-hash' }));
    await asAdmin(() => ds.transaction((tx) => tx.getRepository(Thing).update({ id: 't1' }, { amount: 2, passwordHash: 'other' })));
    await asAdmin(() => ds.getRepository(Thing).delete({ id: 't1' }));
    const [created, updated, deleted] = await entries();
    expect(created).toMatchObject({ seq: 1, action: 'INSERT', entityType: 'Thing', entityId: 't1', userId: 'u-admin', username: 'admin', roles: 'ADMIN', requestId: 'req-1', before: null });
    expect(JSON.parse(created.after!)).toEqual({ id: 't1', name: 'first', amount: 1, passwordHash: '[REDACTED]' });
    expect(updated).toMatchObject({ seq: 2, action: 'UPDATE', entityId: 't1' });
    expect(JSON.parse(updated.before!)).toEqual({ amount: 1, passwordHash: '[REDACTED]' });
    expect(JSON.parse(updated.after!)).toEqual({ amount: 2, passwordHash: '[REDACTED]' });
    expect(deleted).toMatchObject({ seq: 3, action: 'DELETE', entityId: 't1', after: null });
    expect(findAuditChainBreak(await entries())).toBeNull();
  });

  it('writes nothing when the change rolls back, and nothing outside a request', async () => {
    await expect(
      asAdmin(() =>
        ds.transaction(async (tx) => {
          await tx.getRepository(Thing).insert({ id: 't2', name: 'x' });
          throw new Error('rolled back');
        }),
      ),
    ).rejects.toThrow('rolled back');
    await ds.getRepository(Thing).insert({ id: 'seed', name: 'seeded' });
    expect(await entries()).toHaveLength(0);
  });

  it('finds the altered entry when a row is tampered with', async () => {
    for (let i = 0; i < 4; i++) await asAdmin(() => ds.getRepository(Thing).insert({ id: `t${i}`, name: `n${i}` }));
    expect(findAuditChainBreak(await entries())).toBeNull();
    await ds.query(`UPDATE audit_entry SET "after" = '{"name":"forged"}' WHERE seq = 3`);
    expect(findAuditChainBreak(await entries())).toMatchObject({ seq: 3 });
  });
});
