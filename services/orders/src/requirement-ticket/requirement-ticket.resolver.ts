import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Allow, alignByKey, Authenticated, Caller, CurrentCaller, HQ_ROLES, requestLoader, RequestContext, Role } from '@lianxiao/platform';
import { CRAFT_NOTES_RULE, revealField } from '../access/field-visibility';
import { CustomerRef } from '../customer-ref/customer-ref.type';
import { RequirementTicket } from './requirement-ticket.entity';
import { CreateRequirementTicketInput, RequirementTicketConnection, RequirementTicketListArgs, UpdateRequirementTicketSpecInput } from './requirement-ticket.dto';
import { RequirementTicketService } from './requirement-ticket.service';

@Resolver(() => RequirementTicket)
export class RequirementTicketResolver {
  constructor(private readonly ticketService: RequirementTicketService) {}

  @Query(() => RequirementTicketConnection, { description: 'Requirement tickets in the caller’s scope, newest first / 需求工单列表' })
  @Allow(...HQ_ROLES)
  requirementTickets(@CurrentCaller() caller: Caller, @Args() args: RequirementTicketListArgs): Promise<RequirementTicketConnection> {
    return this.ticketService.list(caller, args);
  }

  @Query(() => RequirementTicket, { description: 'One requirement ticket / 单个需求工单' })
  @Allow(...HQ_ROLES)
  requirementTicket(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<RequirementTicket> {
    return this.ticketService.findForCaller(caller, id);
  }

  @Mutation(() => RequirementTicket, { description: 'Save a draft or submit a ticket (all 12 spec fields required) / 新建需求工单' })
  @Allow(Role.REP, Role.SUPERVISOR, Role.DIRECTOR, Role.ADMIN)
  createRequirementTicket(@CurrentCaller() caller: Caller, @Args('input') input: CreateRequirementTicketInput): Promise<RequirementTicket> {
    return this.ticketService.create(caller, input);
  }

  @Mutation(() => RequirementTicket, { description: 'Change spec fields (draft, sent back, or approved → back to draft) / 修改技术规格' })
  @Allow(Role.REP, Role.SUPERVISOR, Role.DIRECTOR, Role.ADMIN)
  updateRequirementTicketSpec(
    @CurrentCaller() caller: Caller,
    @Args('ticketId', { type: () => ID }) ticketId: string,
    @Args('input') input: UpdateRequirementTicketSpecInput,
  ): Promise<RequirementTicket> {
    return this.ticketService.updateSpec(caller, ticketId, input);
  }

  @Mutation(() => RequirementTicket, { description: 'Submit or resubmit a ticket; splits it into department tasks / 提交需求工单' })
  @Allow(Role.REP, Role.SUPERVISOR, Role.DIRECTOR, Role.ADMIN)
  submitRequirementTicket(@CurrentCaller() caller: Caller, @Args('ticketId', { type: () => ID }) ticketId: string): Promise<RequirementTicket> {
    return this.ticketService.submit(caller, ticketId);
  }

  @ResolveField('craftNotes', () => String, { nullable: true, description: 'Production (and admin) only, others get null + FIELD_HIDDEN / 工艺备注' })
  @Authenticated()
  craftNotes(@Parent() ticket: RequirementTicket, @Context() ctx: RequestContext): string | null {
    return revealField(ctx.caller, CRAFT_NOTES_RULE, ticket.craftNotes);
  }

  @ResolveField('customer', () => CustomerRef, { description: 'The customer, resolved by the customers subgraph' })
  @Authenticated()
  customer(@Parent() ticket: RequirementTicket): CustomerRef {
    return { id: ticket.customerId };
  }

  @ResolveReference()
  @Authenticated()
  resolveReference(@Parent() ref: { id: string }, @Context() ctx: RequestContext): Promise<RequirementTicket | null> {
    return requestLoader<string, RequirementTicket | null>(ctx, 'requirement-ticket-by-id', async (ids) =>
      alignByKey(ids, await this.ticketService.findByIdsForCaller(ctx.caller, ids), (t) => t.id),
    ).load(ref.id);
  }
}
