import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TerminusModule } from '@nestjs/terminus';
import type { EntityClassList, MigrationClassList } from '../database/data-source-options';
import { ServiceConfig } from '../config/service-config';
import { dataSourceOptions } from '../database/data-source-options';
import { subgraphGraphQLModule } from '../graphql/subgraph-graphql.module';
import { AccessGuard } from '../auth/access.guard';
import { HealthController } from '../health/health.controller';
import { SERVICE_CONFIG } from './tokens';

export interface PlatformModuleOptions {
  config: ServiceConfig;
  entities: EntityClassList;
  migrations: MigrationClassList;
}

/**
 * Everything a subgraph shares: configuration, its own database, the federation GraphQL
 * server, deny-by-default access guard and /health. A service's AppModule imports this once.
 */
@Global()
@Module({})
export class PlatformModule {
  static forService(options: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRoot(
          dataSourceOptions({ databaseUrl: options.config.databaseUrl, entities: options.entities, migrations: options.migrations }),
        ),
        TerminusModule,
        subgraphGraphQLModule(),
      ],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: options.config },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [SERVICE_CONFIG],
    };
  }
}
