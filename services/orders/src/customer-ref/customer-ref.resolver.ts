import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, groupByKey, HQ_ROLES, requestLoader, RequestContext } from '@lianxiao/platform';
import { Contract, ContractService } from '../contract';
import { RequirementTicket, RequirementTicketService } from '../requirement-ticket';
import { CustomerRef } from './customer-ref.type';

/**
 * Fields this service adds to the customers subgraph's `Customer`. A page of N customers costs
 * one SQL statement per field, narrowed to the caller's scope.
 */
@Resolver(() => CustomerRef)
export class CustomerRefResolver {
  constructor(
    private readonly contractService: ContractService,
    private readonly ticketService: RequirementTicketService,
  ) {}

  @ResolveField('contracts', () => [Contract], { description: "The customer's contracts the caller may see / 客户的合同" })
  @Allow(...HQ_ROLES)
  contracts(@Parent() customer: CustomerRef, @Context() ctx: RequestContext): Promise<Contract[]> {
    return requestLoader<string, Contract[]>(ctx, 'contracts-by-customer', async (customerIds) =>
      groupByKey(customerIds, await this.contractService.findByCustomerIdsForCaller(ctx.caller, customerIds), (c) => c.customerId),
    ).load(customer.id);
  }

  @ResolveField('requirementTickets', () => [RequirementTicket], { description: "The customer's requirement tickets the caller may see / 客户的需求工单" })
  @Allow(...HQ_ROLES)
  requirementTickets(@Parent() customer: CustomerRef, @Context() ctx: RequestContext): Promise<RequirementTicket[]> {
    return requestLoader<string, RequirementTicket[]>(ctx, 'requirement-tickets-by-customer', async (customerIds) =>
      groupByKey(customerIds, await this.ticketService.findByCustomerIdsForCaller(ctx.caller, customerIds), (t) => t.customerId),
    ).load(customer.id);
  }
}
