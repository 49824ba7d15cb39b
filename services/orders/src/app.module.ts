import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, ServiceConfig } from '@lianxiao/platform';
import { Contract, ContractModule } from './contract';
import { RequirementTicket, RequirementTicketModule } from './requirement-ticket';
import { CustomerRefModule } from './customer-ref';
import { DepartmentTask } from './department-task/department-task.entity';
import { ReviewComment } from './review/review-comment.entity';
import { TechnicalAgreement } from './review/technical-agreement.entity';
import { ReviewModule } from './review/review.module';
import { DemoSeedService } from './seed/demo-seed.service';
import { migrations } from './migrations';

export const ORDERS_ENTITIES = [Contract, RequirementTicket, DepartmentTask, ReviewComment, TechnicalAgreement];

@Module({})
export class OrdersAppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: OrdersAppModule,
      imports: [
        PlatformModule.forService({ config, entities: ORDERS_ENTITIES, migrations }),
        ContractModule,
        RequirementTicketModule,
        CustomerRefModule,
        ReviewModule,
      ],
      providers: [DemoSeedService],
    };
  }
}
