import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { alignByKey, Allow, Authenticated, Caller, CurrentCaller, groupByKey, HQ_ROLES, requestLoader, RequestContext, Role } from '@lianxiao/platform';
import { Stage, StageNode, StageService } from '../stage';
import { Customer } from './customer.entity';
import { Contact } from './contact.entity';
import { UserRef } from './user-ref.entity';
import { ContactInput, CreateCustomerInput, CustomerConnection, CustomerListArgs, UpdateCustomerInput } from './customer.dto';
import { CustomerService } from './customer.service';
import { ContactService } from './contact.service';

/** Roles that maintain customers; the service narrows each to what its scope allows. */
const SALES_ROLES = [Role.REP, Role.SUPERVISOR, Role.DIRECTOR, Role.ADMIN];

@Resolver(() => Customer)
export class CustomerResolver {
  constructor(
    private readonly customerService: CustomerService,
    private readonly contactService: ContactService,
    private readonly stageService: StageService,
  ) {}

  @Query(() => CustomerConnection, { description: 'Customers in the caller’s scope: all, own region, or own / 客户列表' })
  @Allow(...HQ_ROLES)
  customers(@CurrentCaller() caller: Caller, @Args() args: CustomerListArgs): Promise<CustomerConnection> {
    return this.customerService.list(caller, args);
  }

  @Query(() => Customer, { description: 'One customer; NOT_FOUND outside the caller’s scope / 单个客户' })
  @Allow(...HQ_ROLES)
  customer(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<Customer> {
    return this.customerService.findForCaller(caller, id);
  }

  @Mutation(() => Customer, { description: 'Creates a customer at stage LEAD / 新建客户' })
  @Allow(...SALES_ROLES)
  createCustomer(@CurrentCaller() caller: Caller, @Args('input') input: CreateCustomerInput): Promise<Customer> {
    return this.customerService.create(caller, input);
  }

  @Mutation(() => Customer, { description: 'Changes master data of a customer in scope; stage moves are separate / 修改客户' })
  @Allow(...SALES_ROLES)
  updateCustomer(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateCustomerInput,
  ): Promise<Customer> {
    return this.customerService.update(caller, id, input);
  }

  @Mutation(() => Contact, { description: 'Adds a contact person to a customer in scope / 新增联系人' })
  @Allow(...SALES_ROLES)
  addContact(
    @CurrentCaller() caller: Caller,
    @Args('customerId', { type: () => ID }) customerId: string,
    @Args('input') input: ContactInput,
  ): Promise<Contact> {
    return this.contactService.add(caller, customerId, input);
  }

  @ResolveField(() => [Contact], { description: 'Primary contact first' })
  @Allow(...HQ_ROLES)
  contacts(@Parent() customer: Customer, @Context() ctx: RequestContext): Promise<Contact[]> {
    return requestLoader<string, Contact[]>(ctx, 'contacts-by-customer', async (ids) =>
      groupByKey(ids, await this.contactService.findByCustomerIds(ids), (c) => c.customerId),
    ).load(customer.id);
  }

  // Nullable: an owner identity cannot resolve (a user removed, or not yet known to identity) makes
  // this field null — never the whole customer list.
  @ResolveField(() => UserRef, { nullable: true, description: 'The owner rep, resolved by the identity subgraph; null when identity does not know the user' })
  @Allow(...HQ_ROLES)
  owner(@Parent() customer: Customer): UserRef {
    return { id: customer.ownerId };
  }

  @ResolveField(() => String, { nullable: true, description: 'Stage name in Chinese, e.g. 打样' })
  @Allow(...HQ_ROLES)
  async stageName(@Parent() customer: Customer, @Context() ctx: RequestContext): Promise<string | null> {
    const stage = await requestLoader<string, Stage | null>(ctx, 'stage-by-code', async (codes) =>
      alignByKey(codes, await this.stageService.findStagesByCodes(codes), (s) => s.code),
    ).load(customer.stage);
    return stage?.nameZh ?? null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Node name in Chinese, e.g. 样品寄送' })
  @Allow(...HQ_ROLES)
  async nodeName(@Parent() customer: Customer, @Context() ctx: RequestContext): Promise<string | null> {
    const node = await requestLoader<string, StageNode | null>(ctx, 'stage-node-by-code', async (codes) =>
      alignByKey(codes, await this.stageService.findNodesByCodes(codes), (n) => n.code),
    ).load(customer.node);
    return node?.nameZh ?? null;
  }

  /**
   * Other subgraphs' references to customers. Same scope as `customer`, but outside it the
   * reference resolves to null instead of failing the whole answer (dealer staff included).
   */
  @ResolveReference()
  @Authenticated()
  resolveReference(@Parent() ref: { id: string }, @Context() ctx: RequestContext): Promise<Customer | null> {
    return requestLoader<string, Customer | null>(ctx, 'customer-by-id', async (ids) =>
      alignByKey(ids, await this.customerService.findByIdsInScope(ctx.caller, ids), (c) => c.id),
    ).load(ref.id);
  }
}
