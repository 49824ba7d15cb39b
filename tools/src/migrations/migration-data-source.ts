import { DataSource } from 'typeorm';
import { dataSourceOptions, ensureMysqlDatabase } from '@lianxiao/platform';
import { loadSubgraph } from '../subgraph-registry';

/** A TypeORM data source for one service's MySQL database, with its entities and migrations. */
export async function migrationDataSource(service: string, databaseUrl: string): Promise<DataSource> {
  const descriptor = loadSubgraph(service);
  await ensureMysqlDatabase(databaseUrl);
  const ds = new DataSource({ ...dataSourceOptions({ databaseUrl, entities: descriptor.entities, migrations: descriptor.migrations }), migrationsRun: false });
  await ds.initialize();
  return ds;
}

/** SQL that would still be needed to make the database match the entities (empty = in sync). */
export async function pendingSchemaDiff(ds: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await ds.driver.createSchemaBuilder().log();
  return { up: log.upQueries.map((q) => q.query), down: log.downQueries.map((q) => q.query) };
}
