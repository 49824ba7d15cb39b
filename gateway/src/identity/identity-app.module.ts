import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule, ServiceConfig, SubgraphDescriptor } from '@lianxiao/platform';
import { User } from './user/user.entity';
import { UserResolver } from './user/user.resolver';
import { RefreshToken } from './auth/refresh-token.entity';
import { AuthService } from './auth/auth.service';
import { AuthResolver } from './auth/auth.resolver';
import { IDENTITY_OPTIONS, loadIdentityOptions } from './auth/identity-options';
import { DemoUsersSeedService } from './seed/demo-users-seed.service';
import { identityMigrations } from './migrations';

export const IDENTITY_ENTITIES = [User, RefreshToken];

@Module({})
export class IdentityAppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: IdentityAppModule,
      imports: [
        PlatformModule.forService({ config, entities: IDENTITY_ENTITIES, migrations: identityMigrations }),
        TypeOrmModule.forFeature(IDENTITY_ENTITIES),
      ],
      providers: [
        { provide: IDENTITY_OPTIONS, useFactory: () => loadIdentityOptions() },
        AuthService,
        AuthResolver,
        UserResolver,
        DemoUsersSeedService,
      ],
    };
  }
}

export const identitySubgraph: SubgraphDescriptor = {
  name: 'identity',
  defaultPort: 4000,
  appModule: (config) => IdentityAppModule.forRoot(config),
  entities: IDENTITY_ENTITIES,
  migrations: identityMigrations,
};
