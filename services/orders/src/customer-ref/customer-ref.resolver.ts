import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, groupByKey, HQ_ROLES, pageWindow, requestLoader, RequestContext } from '@lianxiao/platform';
import { Contract, ContractService } from '../contract';
import { RequirementTicket, RequirementTicketService } from '../requirement-ticket';
import { CustomerRef } from './customer-ref.type';
import { NESTED_DEFAULT } from './newest-per-customer';

/** `first` of a nested list: 0–200 (a typed VALIDATION error otherwise), NESTED_DEFAULT when not given. */
const perCustomer = (first: number | null | undefined): number => pageWindow({ first: first ?? undefined }, NESTED_DEFAULT).take;

/**
 * Fields this service adds to the customers subgraph's `Customer`. A page of N customers costs
 * one SQL statement per field, narrowed to the caller's scope; each customer's list is its newest
 * `first`, so a page stays small however many contracts a customer has (the full, paged lists are
 * `contracts(customerId:)` and `requirementTickets(customerId:)`).
 */
@Resolver(() => CustomerRef)
export class CustomerRefResolver {
  constructor(
    private readonly contractService: ContractService,
    private readonly ticketService: RequirementTicketService,
  ) {}

  @ResolveField('contracts', () => [Contract], { description: "The customer's newest contracts the caller may see, newest first (first: 0–200, default 20) / 客户最近的合同" })
  @Allow(...HQ_ROLES)
  contracts(
    @Parent() customer: CustomerRef,
    @Context() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: NESTED_DEFAULT }) first?: number | null,
  ): Promise<Contract[]> {
    const take = perCustomer(first);
    return requestLoader<string, Contract[]>(ctx, `contracts-by-customer:${take}`, async (customerIds) =>
      groupByKey(customerIds, await this.contractService.newestOfCustomersForCaller(ctx.caller, customerIds, take), (c) => c.customerId),
    ).load(customer.id);
  }

  @ResolveField('requirementTickets', () => [RequirementTicket], { description: "The customer's newest requirement tickets the caller may see, newest first (first: 0–200, default 20) / 客户最近的需求工单" })
  @Allow(...HQ_ROLES)
  requirementTickets(
    @Parent() customer: CustomerRef,
    @Context() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: NESTED_DEFAULT }) first?: number | null,
  ): Promise<RequirementTicket[]> {
    const take = perCustomer(first);
    return requestLoader<string, RequirementTicket[]>(ctx, `requirement-tickets-by-customer:${take}`, async (customerIds) =>
      groupByKey(customerIds, await this.ticketService.newestOfCustomersForCaller(ctx.caller, customerIds, take), (t) => t.customerId),
    ).load(customer.id);
  }
}
