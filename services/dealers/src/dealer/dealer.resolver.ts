import { Args, Context, ID, Parent, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { alignByKey, Authenticated, Caller, CurrentCaller, dataScopeOf, requestLoader, RequestContext } from '@lianxiao/platform';
import { Dealer } from './dealer.entity';
import { DealerConnection, DealerListArgs } from './dealer.dto';
import { DealerService } from './dealer.service';

@Resolver(() => Dealer)
export class DealerResolver {
  constructor(private readonly dealerService: DealerService) {}

  @Query(() => DealerConnection, { description: 'Dealers: HQ sees all 37, dealer staff only their own / 经销商列表' })
  @Authenticated()
  dealers(@CurrentCaller() caller: Caller, @Args() args: DealerListArgs): Promise<DealerConnection> {
    return this.dealerService.list(caller, args);
  }

  @Query(() => Dealer, { description: 'One dealer; dealer staff may read only their own / 单个经销商' })
  @Authenticated()
  dealer(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<Dealer> {
    return this.dealerService.findForCaller(caller, id);
  }

  @ResolveReference()
  @Authenticated()
  async resolveReference(@Parent() ref: { id: string }, @Context() ctx: RequestContext): Promise<Dealer | null> {
    const scope = dataScopeOf(ctx.caller);
    if (scope.kind === 'dealer' && scope.dealerId !== ref.id) return null;
    return requestLoader<string, Dealer | null>(ctx, 'dealer-by-id', async (ids) =>
      alignByKey(ids, await this.dealerService.findByIds(ids), (d) => d.id),
    ).load(ref.id);
  }
}
