import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, HQ_ROLES } from '@lianxiao/platform';
import { CustomerHealth } from './customer-health.entity';
import { CustomerRef } from './customer-ref.type';

/**
 * `CustomerHealth.customer`: whose health this is. It is also what puts `Customer` into this
 * subgraph's schema (code-first drops object types no field returns).
 */
@Resolver(() => CustomerHealth)
export class CustomerHealthOwnerResolver {
  @ResolveField('customer', () => CustomerRef, { description: 'The customer, resolved by the customers subgraph' })
  @Allow(...HQ_ROLES)
  customer(@Parent() health: CustomerHealth): CustomerRef {
    return { id: health.customerId };
  }
}
