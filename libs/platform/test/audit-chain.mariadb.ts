/**
 * The audit chain under concurrency on MariaDB: many transactions writing audited rows at once all
 * commit (no deadlock on the chain head), seq has no gaps and the chain verifies.
 */
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { dataSourceOptions } from '../src/database';
import { AUDIT_ENTITIES, AuditEntry, AuditTables1795960000000, findAuditChainBreak, runInAuditContext } from '../src/audit';

@Entity('audit_probe')
class AuditProbe {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('int')
  n!: number;
}

jest.setTimeout(120_000);

describe('audit chain on MariaDB', () => {
  const server = (process.env.TEST_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/\/+$/, '');
  const name = `lxaudit_${process.pid}`;
  let admin: DataSource;
  let ds: DataSource;

  beforeAll(async () => {
    admin = new DataSource({ ...dataSourceOptions({ databaseUrl: `${server}/mysql`, entities: [], migrations: [] }), migrationsRun: false });
    await admin.initialize();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.query(`CREATE TABLE \`${name}\`.audit_probe (id varchar(36) NOT NULL PRIMARY KEY, n int NOT NULL) ENGINE=InnoDB`);
    ds = new DataSource({
      ...dataSourceOptions({ databaseUrl: `${server}/${name}`, entities: [...AUDIT_ENTITIES, AuditProbe], migrations: [AuditTables1795960000000] }),
      extra: { connectionLimit: 30 },
    });
    await ds.initialize();
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await admin?.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin?.destroy();
  });

  it('commits 60 concurrent audited transactions without a deadlock and keeps one gap-free chain', async () => {
    const caller = { userId: 'u-test', username: 'tester', displayName: 'Tester', roles: ['ADMIN'], region: null, dealerId: null } as never;
    const write = (i: number) =>
      runInAuditContext({ caller, requestId: `r-${i}` }, () =>
        ds.transaction(async (tx) => {
          const id = randomUUID();
          await tx.getRepository(AuditProbe).save({ id, n: i });
          await tx.getRepository(AuditProbe).save({ id, n: i + 1000 });
        }),
      );
    const outcomes = await Promise.allSettled(Array.from({ length: 60 }, (_, i) => write(i)));
    const failures = outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    const entries = await ds.getRepository(AuditEntry).find({ order: { seq: 'ASC' } });
    expect(entries.length).toBe(120);
    expect(entries.map((e) => Number(e.seq))).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(findAuditChainBreak(entries)).toBeNull();
  });
});
