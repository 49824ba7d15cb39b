import { DataSource, MigrationInterface } from 'typeorm';
import { dataSourceOptions } from '../src/database';
import { EVENT_ENTITIES } from '../src/events/event-entities';
import { EventBackbone1795900000000 } from '../src/events/event-tables.migration';

/**
 * A throw-away MariaDB database `lxev_<pid>` with the event tables built by the migration.
 * TEST_MARIADB_URL defaults to the development machine's root@127.0.0.1:3306.
 */
export async function createTestDatabase(
  extraMigrations: (new () => MigrationInterface)[] = [],
  suffix = '',
): Promise<{ dataSource: DataSource; databaseUrl: string; drop: () => Promise<void> }> {
  const server = (process.env.TEST_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/\/+$/, '');
  const name = `lxev_${process.pid}${suffix}`;
  const admin = new DataSource({ ...dataSourceOptions({ databaseUrl: `${server}/mysql`, entities: [], migrations: [] }), migrationsRun: false });
  try {
    await admin.initialize();
  } catch (error) {
    throw new Error(`MariaDB is not reachable at ${server} (set TEST_MARIADB_URL): ${String(error)}`);
  }
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const dataSource = new DataSource({
    ...dataSourceOptions({ databaseUrl: `${server}/${name}`, entities: EVENT_ENTITIES, migrations: [EventBackbone1795900000000, ...extraMigrations] }),
    extra: { connectionLimit: 30 },
  });
  await dataSource.initialize();
  return {
    dataSource,
    databaseUrl: `${server}/${name}`,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.destroy();
    },
  };
}
