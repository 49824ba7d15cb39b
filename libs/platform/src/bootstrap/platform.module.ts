import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TerminusModule } from '@nestjs/terminus';
import type { EntityClassList, MigrationClassList } from '../database/data-source-options';
import { ServiceConfig } from '../config/service-config';
import { dataSourceOptions } from '../database/data-source-options';
import { subgraphGraphQLModule } from '../graphql/subgraph-graphql.module';
import { AccessGuard } from '../auth/access.guard';
import { DomainErrorFilter } from '../errors/domain-error.filter';
import { HealthController } from '../health/health.controller';
import { MetricsModule } from '../metrics/metrics.module';
import { SERVICE_CONFIG } from './tokens';
import { AuditEntry } from '../audit/audit-entry.entity';
import { auditLogResolver } from '../audit/audit-log.resolver';

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
        MetricsModule.forService(options.config),
      ],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: options.config },
        { provide: APP_GUARD, useClass: AccessGuard },
        // A service that keeps the audit trail also answers `<service>AuditLog` (admin, director).
        ...(options.entities.includes(AuditEntry) ? [auditLogResolver(options.config.serviceName)] : []),
        { provide: APP_FILTER, useClass: DomainErrorFilter },
      ],
      exports: [SERVICE_CONFIG],
    };
  }
}
