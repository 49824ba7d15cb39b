import { Args, Context, Float, ID, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Allow, alignByKey, Authenticated, Caller, CurrentCaller, HQ_ROLES, requestLoader, RequestContext } from '@lianxiao/platform';
import { GROSS_MARGIN_RULE, revealField } from '../access/field-visibility';
import { CustomerRef } from '../customer-ref/customer-ref.type';
import { Contract } from './contract.entity';
import { ContractConnection, ContractListArgs } from './contract.dto';
import { ContractService } from './contract.service';

@Resolver(() => Contract)
export class ContractResolver {
  constructor(private readonly contractService: ContractService) {}

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
