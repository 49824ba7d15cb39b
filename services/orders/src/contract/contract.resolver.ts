import { Args, Context, Float, ID, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Allow, alignByKey, Authenticated, Caller, CurrentCaller, HQ_ROLES, requestLoader, RequestContext, Role } from '@lianxiao/platform';
import { GROSS_MARGIN_RULE, revealField } from '../access/field-visibility';
import { CustomerRef } from '../customer-ref/customer-ref.type';
import { Contract, ContractPriority, MarginTier } from './contract.entity';
import { ContractSigningService } from './contract-signing.service';
import { marginTierOf, priorityOf } from './priority';
import { ContractConnection, ContractListArgs, CreateContractInput } from './contract.dto';
import { ContractService } from './contract.service';

@Resolver(() => Contract)
export class ContractResolver {
  constructor(
    private readonly contractService: ContractService,
    private readonly signingService: ContractSigningService,
  ) {}

  @Query(() => ContractConnection, { description: 'Contracts: reps their own, supervisors their region, HQ all / 合同列表' })
  @Allow(...HQ_ROLES)
  contracts(@CurrentCaller() caller: Caller, @Args() args: ContractListArgs): Promise<ContractConnection> {
    return this.contractService.list(caller, args);
  }

  @Query(() => Contract, { description: 'One contract in the caller’s scope / 单个合同' })
  @Allow(...HQ_ROLES)
  contract(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<Contract> {
    return this.contractService.findForCaller(caller, id);
  }

  @Mutation(() => Contract, { description: 'Draft a contract from a legally approved agreement version / 创建合同' })
  @Allow(Role.REP, Role.SUPERVISOR, Role.DIRECTOR, Role.ADMIN)
  createContract(@CurrentCaller() caller: Caller, @Args('input') input: CreateContractInput): Promise<Contract> {
    return this.contractService.create(caller, input);
  }

  @Mutation(() => Contract, { description: 'Sign a contract (one transaction; same idempotencyKey answers the first result) / 签署合同' })
  @Allow(Role.REP, Role.SUPERVISOR, Role.DIRECTOR, Role.ADMIN)
  signContract(
    @CurrentCaller() caller: Caller,
    @Args('contractId', { type: () => ID }) contractId: string,
    @Args('signedScanSha256') signedScanSha256: string,
    @Args('idempotencyKey') idempotencyKey: string,
  ): Promise<Contract> {
    return this.signingService.sign(caller, contractId, signedScanSha256, idempotencyKey);
  }

  @ResolveField('priority', () => ContractPriority, { description: 'Capacity priority from gross margin, urgency and customer health (default 50) / 产能优先级' })
  @Authenticated()
  priority(@Parent() contract: Contract): ContractPriority {
    return contractPriorityOf(contract);
  }

  @ResolveField('grossMargin', () => Float, { nullable: true, description: '0–1; DIRECTOR, FINANCE and ADMIN only, others get null + FIELD_HIDDEN / 毛利率' })
  @Authenticated()
  grossMargin(@Parent() contract: Contract, @Context() ctx: RequestContext): number {
    return revealField(ctx.caller, GROSS_MARGIN_RULE, contract.grossMargin);
  }

  @ResolveField('customer', () => CustomerRef, { description: 'The customer, resolved by the customers subgraph' })
  @Authenticated()
  customer(@Parent() contract: Contract): CustomerRef {
    return { id: contract.customerId };
  }

  @ResolveReference()
  @Authenticated()
  resolveReference(@Parent() ref: { id: string }, @Context() ctx: RequestContext): Promise<Contract | null> {
    return requestLoader<string, Contract | null>(ctx, 'contract-by-id', async (ids) =>
      alignByKey(ids, await this.contractService.findByIdsForCaller(ctx.caller, ids), (c) => c.id),
    ).load(ref.id);
  }
}

/** The priority of a contract with its margin tier (what every role may see). */
export function contractPriorityOf(contract: Pick<Contract, 'grossMargin' | 'urgency' | 'customerHealth'>): ContractPriority {
  return { ...priorityOf(contract.grossMargin, contract.urgency, contract.customerHealth), marginTier: marginTierOf(contract.grossMargin) as MarginTier };
}

/** Score and margin points reveal the gross margin: same readers as Contract.grossMargin. */
@Resolver(() => ContractPriority)
export class PriorityResolver {
  @ResolveField('score', () => Float, { nullable: true, description: '0–100; DIRECTOR, FINANCE and ADMIN only (it reveals the margin), others null + FIELD_HIDDEN / 优先级得分' })
  @Authenticated()
  score(@Parent() priority: ContractPriority, @Context() ctx: RequestContext): number {
    return revealField(ctx.caller, GROSS_MARGIN_RULE, priority.score);
  }

  @ResolveField('margin', () => Float, { nullable: true, description: 'Margin points (50 % weight); same readers as grossMargin / 毛利得分' })
  @Authenticated()
  margin(@Parent() priority: ContractPriority, @Context() ctx: RequestContext): number {
    return revealField(ctx.caller, GROSS_MARGIN_RULE, priority.margin);
  }
}
