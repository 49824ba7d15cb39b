import type { DynamicModule } from '@nestjs/common';
import type { EntityClassList, MigrationClassList } from '../database/data-source-options';
import { ConfigError } from '../config/env-config';
import { loadServiceConfig, ServiceConfig } from '../config/service-config';
import { rootLogger } from '../logging/logger';
import { PortInUseError, startSubgraph, StartedSubgraph } from './start-subgraph';

/**
 * What a service exposes to the tools that run it: the main entry, the embedded host, the SDL
 * printer and the migration tooling all start from this one object.
 */
export interface SubgraphDescriptor {
  name: string;
  defaultPort: number;
  appModule(config: ServiceConfig): DynamicModule;
  entities: EntityClassList;
  migrations: MigrationClassList;
}

export async function startDescribedSubgraph(descriptor: SubgraphDescriptor, config?: ServiceConfig): Promise<StartedSubgraph> {
  const resolved = config ?? loadServiceConfig(descriptor.name, descriptor.defaultPort);
  return startSubgraph(descriptor.appModule(resolved), resolved);
}

/** A failure anyone can act on prints one line; anything else is logged in full. */
export function describeStartupFailure(error: unknown): string | null {
  if (error instanceof ConfigError || error instanceof PortInUseError) return error.message;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ECONNREFUSED' || code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_BAD_DB_ERROR') {
    return `Cannot reach the database (${code}): check DATABASE_URL / 无法连接数据库，请检查 DATABASE_URL`;
  }
  return null;
}

/** `main.ts` of every service: start, or explain in one line why not and exit 1. */
export function runServiceMain(descriptor: SubgraphDescriptor): void {
  startDescribedSubgraph(descriptor).catch((error: unknown) => {
    const line = describeStartupFailure(error);
    if (line) process.stderr.write(line + '\n');
    else rootLogger().fatal({ err: error }, `${descriptor.name} failed to start`);
    process.exit(1);
  });
}
