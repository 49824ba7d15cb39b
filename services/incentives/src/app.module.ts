import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, ServiceConfig } from '@lianxiao/platform';
import { PointsAccount, PointsEntry, PointsModule } from './points';
import { DealerRefModule } from './dealer-ref';
import { CustomerHealth, CustomerHealthModule } from './customer-health';
import { DemoSeedService } from './seed/demo-seed.service';
import { migrations } from './migrations';

export const INCENTIVES_ENTITIES = [PointsAccount, PointsEntry, CustomerHealth];

@Module({})
export class IncentivesAppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: IncentivesAppModule,
      imports: [
        PlatformModule.forService({ config, entities: INCENTIVES_ENTITIES, migrations }),
        PointsModule,
        DealerRefModule,
        CustomerHealthModule,
      ],
      providers: [DemoSeedService],
    };
  }
}
