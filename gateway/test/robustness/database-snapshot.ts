/**
 * A fingerprint of every service database the integration stack runs on: row count and content hash
 * per table. Two snapshots compared tell which tables a request changed — the "nothing half-written"
 * check of the robustness tests. SQLite files come from LIANXIAO_DATA_DIR (embedded stack), MariaDB
 * databases from LIANXIAO_DB_PREFIX (cluster stack).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';

/** Tables that change without a user request (relay bookkeeping, scheduler leases, sessions). */
const BACKGROUND_TABLES = /(outbox|inbox|lease|scheduled_job|refresh_token|session|login_attempt|migrations|typeorm_metadata)/i;

export type DatabaseSnapshot = Map<string, string>;

export async function snapshotDatabases(): Promise<DatabaseSnapshot> {
  if (process.env.LIANXIAO_DB === 'mariadb') return snapshotMariadb(process.env.LIANXIAO_DB_PREFIX ?? 'lianxiao_');
  const dir = process.env.LIANXIAO_DATA_DIR;
  if (!dir) throw new Error('LIANXIAO_DATA_DIR is not set: run the robustness tests with `npm test`');
  return snapshotSqlite(dir);
}

function snapshotSqlite(dir: string): DatabaseSnapshot {
  const out: DatabaseSnapshot = new Map();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite'))) {
    const db = new Database(path.join(dir, file), { readonly: true, fileMustExist: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
      for (const { name } of tables) {
        if (BACKGROUND_TABLES.test(name)) continue;
        const hash = createHash('sha256');
        let rows = 0;
        for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate()) {
          hash.update(JSON.stringify(row));
          rows += 1;
        }
        out.set(`${file.replace('.sqlite', '')}.${name}`, `${rows}:${hash.digest('hex').slice(0, 16)}`);
      }
    } finally {
      db.close();
    }
  }
  return out;
}

async function snapshotMariadb(prefix: string): Promise<DatabaseSnapshot> {
  const url = new URL((process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/^mariadb:/, 'mysql:'));
  const conn = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username || 'root'), password: decodeURIComponent(url.password) });
  const out: DatabaseSnapshot = new Map();
  try {
    const [rows] = await conn.query(
      'SELECT table_schema AS s, table_name AS t FROM information_schema.tables WHERE table_schema LIKE ? AND table_type = ?',
      [`${prefix.replace(/_/g, '\\_')}%`, 'BASE TABLE'],
    );
    const tables = (rows as { s: string; t: string }[]).filter((r) => !BACKGROUND_TABLES.test(r.t));
    for (const { s, t } of tables) {
      const [sums] = await conn.query(`CHECKSUM TABLE \`${s}\`.\`${t}\``);
      const [counts] = await conn.query(`SELECT COUNT(*) AS n FROM \`${s}\`.\`${t}\``);
      out.set(`${s.slice(prefix.length)}.${t}`, `${(counts as { n: number }[])[0].n}:${(sums as { Checksum: number }[])[0].Checksum}`);
    }
  } finally {
    await conn.end();
  }
  return out;
}

/** Tables whose fingerprint differs between two snapshots. */
export function changedTables(before: DatabaseSnapshot, after: DatabaseSnapshot): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}
