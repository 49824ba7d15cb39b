import { DynamicModule, Module } from '@nestjs/common';
import { AUDIT_ENTITIES, EVENT_ENTITIES, IDEMPOTENCY_ENTITIES, SCHEDULING_ENTITIES, EventsModule, PlatformModule, SchedulingModule, ServiceConfig } from '@lianxiao/platform';
import { Contract, ContractModule } from './contract';
import { RequirementTicket, RequirementTicketModule } from './requirement-ticket';
import { CustomerRecord, CustomerRefModule } from './customer-ref';
import { DepartmentTask } from './department-task/department-task.entity';
import { ReviewComment } from './review/review-comment.entity';
import { TechnicalAgreement } from './review/technical-agreement.entity';
import { ReviewModule } from './review/review.module';
import { DemoSeedService } from './seed/demo-seed.service';
import { migrations } from './migrations';
import { TaskRemindersModule } from './reminders/task-reminders.module';
import { TicketDrawing } from './requirement-ticket/ticket-drawing.entity';
import { ProductionQueueModule } from './production-queue/production-queue.module';
import { FINANCE_ENTITIES, FinanceModule } from './finance';
import { ErpFeedModule } from './erp-feed/erp-feed.module';

export const ORDERS_ENTITIES = [Contract, RequirementTicket, DepartmentTask, ReviewComment, TechnicalAgreement, CustomerRecord, TicketDrawing, ...FINANCE_ENTITIES, ...EVENT_ENTITIES, ...IDEMPOTENCY_ENTITIES, ...AUDIT_ENTITIES, ...SCHEDULING_ENTITIES];

@Module({})
export class OrdersAppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: OrdersAppModule,
      imports: [
        PlatformModule.forService({ config, entities: ORDERS_ENTITIES, migrations }),
        EventsModule.forService(config),
        SchedulingModule.forRoot(),
        ContractModule,
        RequirementTicketModule,
        CustomerRefModule,
        ReviewModule,
        TaskRemindersModule,
        ProductionQueueModule,
        FinanceModule,
        ErpFeedModule,
      ],
      providers: [DemoSeedService],
    };
  }
}
