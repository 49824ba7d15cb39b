import { Connection, createConnection } from 'mysql2/promise';

/** A connection to the server of a `mariadb://` or `mysql://` URL (no database selected). */
export function serverConnection(mysqlUrl: string): Promise<Connection> {
  const url = new URL(mysqlUrl.replace(/^mariadb:/, 'mysql:'));
  return createConnection({ host: url.hostname, port: Number(url.port || 3306), user: url.username || 'root', password: url.password });
}

/** Drops every database whose name starts with `prefix` (a test cluster's own). */
export async function dropDatabases(mysqlUrl: string, prefix: string): Promise<void> {
  const conn = await serverConnection(mysqlUrl);
  try {
    const [rows] = await conn.query('SHOW DATABASES');
    for (const { Database: db } of rows as { Database: string }[]) if (db.startsWith(prefix)) await conn.query(`DROP DATABASE \`${db}\``);
  } finally {
    await conn.end();
  }
}
