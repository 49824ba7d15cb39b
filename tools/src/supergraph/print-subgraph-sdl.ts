import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { graphql } from 'graphql';
import { loadServiceConfig } from '@lianxiao/platform';
import { loadSubgraph } from '../subgraph-registry';

/**
 * Prints one subgraph's federation SDL (with its @link header) on stdout. Runs in its own
 * process per subgraph, so no type of one subgraph can leak into another's schema.
 */
async function main(name: string): Promise<void> {
  const descriptor = loadSubgraph(name);
  const config = loadServiceConfig(name, 0, { DATABASE_URL: 'sqlite::memory:', SEED_DEMO: 'false', LOG_LEVEL: 'error' });
  const app = await NestFactory.create(descriptor.appModule(config), { logger: false });
  await app.init();
  const { schema } = app.get(GraphQLSchemaHost);
  const result = await graphql({ schema, source: '{ _service { sdl } }' });
  await app.close();
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
  process.stdout.write((result.data as { _service: { sdl: string } })._service.sdl.trim() + '\n');
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`cannot print SDL of ${process.argv[2]}: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
