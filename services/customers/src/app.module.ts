import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, ServiceConfig } from '@lianxiao/platform';
import { Contact, Customer, CustomerModule } from './customer';
import { Stage, StageModule, StageNode } from './stage';
import { DemoSeedService } from './seed/demo-seed.service';
import { migrations } from './migrations';

export const CUSTOMERS_ENTITIES = [Customer, Contact, Stage, StageNode];

@Module({})
export class CustomersAppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: CustomersAppModule,
      imports: [PlatformModule.forService({ config, entities: CUSTOMERS_ENTITIES, migrations }), StageModule, CustomerModule],
      providers: [DemoSeedService],
    };
  }
}
