import * as fs from 'node:fs';
import { DataSource } from 'typeorm';
import { AUDIT_CHAIN_ID, AUDIT_ENTITIES, AUDIT_GENESIS_HASH, AuditChainHead, AuditEntry, dataSourceOptions, findAuditChainBreak } from '@lianxiao/platform';

export interface AuditTarget {
  service: string;
  databaseUrl: string;
}

export type AuditVerdict =
  | { service: string; status: 'ok'; checked: number }
  | { service: string; status: 'broken'; checked: number; seq: number; reason: string }
  | { service: string; status: 'skipped'; checked: 0; reason: string };

const BATCH = 2000;

/** The databases of the given services: SQLite files under dataDir, or MySQL databases <prefix><service>. */
export function auditTargets(services: readonly string[], where: { dataDir: string } | { mysqlUrl: string; prefix: string }): AuditTarget[] {
  return services.map((service) =>
    'dataDir' in where
      ? { service, databaseUrl: `sqlite:${where.dataDir.replace(/\/$/, '')}/${service}.sqlite` }
      : { service, databaseUrl: `${where.mysqlUrl.replace(/\/$/, '')}/${where.prefix}${service}` },
  );
}

/**
 * Walks one service's chain in seq order and recomputes every hash: an altered, deleted or
 * inserted row breaks it at that seq. The chain head must also point at the last entry, so
 * cutting entries off the end is caught too.
 */
export async function verifyAuditChain(target: AuditTarget): Promise<AuditVerdict> {
  const { service, databaseUrl } = target;
  if (databaseUrl.startsWith('sqlite:') && !fs.existsSync(databaseUrl.slice('sqlite:'.length))) {
    return { service, status: 'skipped', checked: 0, reason: `no database at ${databaseUrl.slice('sqlite:'.length)}` };
  }
  const dataSource = new DataSource({ ...dataSourceOptions({ databaseUrl, entities: AUDIT_ENTITIES, migrations: [] }), synchronize: false, migrationsRun: false, subscribers: [] } as never);
  try {
    await dataSource.initialize();
  } catch (error) {
    return { service, status: 'skipped', checked: 0, reason: `cannot open the database: ${(error as Error).message}` };
  }
  try {
    const hasTable = await dataSource.createQueryRunner().hasTable('audit_entry');
    if (!hasTable) return { service, status: 'skipped', checked: 0, reason: 'no audit_entry table' };
    const repo = dataSource.getRepository(AuditEntry);
    let state = { seq: 0, hash: AUDIT_GENESIS_HASH };
    let checked = 0;
    for (;;) {
      const rows = await repo.createQueryBuilder('e').where('e.seq > :seq', { seq: state.seq }).orderBy('e.seq', 'ASC').take(BATCH).getMany();
      if (!rows.length) break;
      const broken = findAuditChainBreak(rows, state);
      if (broken) return { service, status: 'broken', checked: checked + Math.max(0, broken.seq - state.seq - 1), seq: broken.seq, reason: broken.reason };
      checked += rows.length;
      const last = rows[rows.length - 1];
      state = { seq: Number(last.seq), hash: last.hash };
    }
    const head = await dataSource.getRepository(AuditChainHead).findOneBy({ id: AUDIT_CHAIN_ID });
    const headSeq = head ? Number(head.seq) : 0;
    if (headSeq !== state.seq || (head && head.hash !== state.hash)) {
      return { service, status: 'broken', checked, seq: Math.min(headSeq, state.seq) + 1, reason: `the chain head is at seq ${headSeq} but the entries end at ${state.seq} (entries removed or head altered)` };
    }
    return { service, status: 'ok', checked };
  } finally {
    await dataSource.destroy();
  }
}
