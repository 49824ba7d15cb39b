import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Caller, CurrentCaller, Role } from '@lianxiao/platform';
import { ProductionQueueService } from './production-queue.service';
import { ProductionQueueArgs, ProductionQueueConnection, ProductionQueueItem } from './production-queue.types';

@Resolver(() => ProductionQueueItem)
export class ProductionQueueResolver {
  constructor(private readonly queueService: ProductionQueueService) {}

  @Query(() => ProductionQueueConnection, { description: 'Signed contracts by capacity priority, highest first, with the three components / 产能优先级队列' })
  @Allow(Role.PRODUCTION, Role.DIRECTOR, Role.ADMIN, Role.SUPERVISOR, Role.FINANCE)
  productionQueue(@CurrentCaller() caller: Caller, @Args() args: ProductionQueueArgs): Promise<ProductionQueueConnection> {
    return this.queueService.queue(caller, args);
  }
}
