import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@lianxiao/platform';
import { SUBGRAPH_ORDER, loadSubgraph } from '../src/subgraph-registry';

// The cluster run already created and migrated one database per service (DB prefix from the
// runner). Here: a fresh database per service, migrations applied, and no schema difference left
// between what the migrations built and what the entities describe.
const server = process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306';

describe('MySQL migrations match the entities (MariaDB)', () => {
  for (const name of SUBGRAPH_ORDER) {
    it(`${name}: migrations build the schema the entities describe`, async () => {
      const database = `lxmig_${name}_${process.pid}`;
      const admin = new DataSource({ type: 'mariadb', host: '127.0.0.1', port: 3306, username: 'root', password: '' });
      await admin.initialize();
      await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      const descriptor = loadSubgraph(name);
      const ds = new DataSource({ ...dataSourceOptions({ databaseUrl: `${server}/${database}`, entities: descriptor.entities, migrations: descriptor.migrations }), migrationsRun: false });
      try {
        await ds.initialize();
        const applied = await ds.runMigrations({ transaction: 'each' });
        expect(applied.length).toBeGreaterThan(0);
        const log = await ds.driver.createSchemaBuilder().log();
        expect(log.upQueries.map((q) => q.query)).toEqual([]);
        const tables = (await ds.query('SHOW TABLES')) as Record<string, string>[];
        expect(tables.length).toBeGreaterThan(1);
      } finally {
        if (ds.isInitialized) await ds.destroy();
        await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
        await admin.destroy();
      }
    }, 180_000);
  }
});
