import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, ServiceConfig } from '@lianxiao/platform';
import { Dealer, DealerModule, Territory } from './dealer';
import { DemoSeedService } from './seed/demo-seed.service';
import { migrations } from './migrations';

export const DEALERS_ENTITIES = [Dealer, Territory];

@Module({})
export class DealersAppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: DealersAppModule,
      imports: [PlatformModule.forService({ config, entities: DEALERS_ENTITIES, migrations }), DealerModule],
      providers: [DemoSeedService],
    };
  }
}
