import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, alignByKey, HQ_ROLES, requestLoader, RequestContext } from '@lianxiao/platform';
import { CustomerHealth } from './customer-health.entity';
import { CustomerHealthService } from './customer-health.service';
import { CustomerRef } from './customer-ref.type';

/** Adds `health` to the customers subgraph's `Customer`: one query per page of customers. */
@Resolver(() => CustomerRef)
export class CustomerHealthResolver {
  constructor(private readonly healthService: CustomerHealthService) {}

  @ResolveField('health', () => CustomerHealth, { nullable: true, description: 'Health index, null until scored / 客户健康度' })
  @Allow(...HQ_ROLES)
  health(@Parent() customer: CustomerRef, @Context() ctx: RequestContext): Promise<CustomerHealth | null> {
    return requestLoader<string, CustomerHealth | null>(ctx, 'health-by-customer', async (customerIds) =>
      alignByKey(customerIds, await this.healthService.findByCustomerIds(customerIds), (h) => h.customerId),
    ).load(customer.id);
  }
}
