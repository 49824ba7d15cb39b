import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AUDIT_ENTITIES, PlatformModule, ServiceConfig, SubgraphDescriptor } from '@lianxiao/platform';
import { User } from './user/user.entity';
import { UserResolver } from './user/user.resolver';
import { UserAdminResolver } from './user/user-admin.resolver';
import { UserAdminService } from './user/user-admin.service';
import { DealerUserResolver } from './user/dealer-user.resolver';
import { DealerUserService } from './user/dealer-user.service';
import { RefreshToken } from './auth/refresh-token.entity';
import { AuthService } from './auth/auth.service';
import { AuthResolver } from './auth/auth.resolver';
import { IDENTITY_OPTIONS, loadIdentityOptions } from './auth/identity-options';
import { DemoUsersSeedService } from './seed/demo-users-seed.service';
import { identityMigrations } from './migrations';
import { ExternalIdentityController } from './external/external-identity.controller';
import { ExternalUserLinkService } from './external/external-user-link.service';

export const IDENTITY_ENTITIES = [User, RefreshToken, ...AUDIT_ENTITIES];

@Module({})
export class IdentityAppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: IdentityAppModule,
      imports: [
        PlatformModule.forService({ config, entities: IDENTITY_ENTITIES, migrations: identityMigrations }),
        TypeOrmModule.forFeature(IDENTITY_ENTITIES),
      ],
      controllers: [ExternalIdentityController],
      providers: [
        ExternalUserLinkService,
        { provide: IDENTITY_OPTIONS, useFactory: () => loadIdentityOptions() },
        AuthService,
        AuthResolver,
        UserResolver,
        UserAdminService,
        UserAdminResolver,
        DealerUserService,
        DealerUserResolver,
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
