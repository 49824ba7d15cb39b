import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, ServiceConfig } from '@lianxiao/platform';
import { Contact, Customer, CustomerModule } from './customer';
import { Stage, StageModule, StageNode } from './stage';
import { PIPELINE_ENTITIES, PipelineModule } from './pipeline';
import { DemoSeedService } from './seed/demo-seed.service';
import { migrations } from './migrations';

export const CUSTOMERS_ENTITIES = [Customer, Contact, Stage, StageNode, ...PIPELINE_ENTITIES];

@Module({})
export class CustomersAppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: CustomersAppModule,
      imports: [PlatformModule.forService({ config, entities: CUSTOMERS_ENTITIES, migrations }), StageModule, CustomerModule, PipelineModule.forRoot({ dataDir: config.dataDir })],
      providers: [DemoSeedService],
    };
  }
}
