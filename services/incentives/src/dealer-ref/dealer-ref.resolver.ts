import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, requestLoader, RequestContext } from '@lianxiao/platform';
import { PointsService } from '../points';
import { DealerRef } from './dealer-ref.type';
import { assertMayReadDealerPoints } from './dealer-points-access';

/** Fields this service adds to the dealers subgraph's `Dealer`. */
@Resolver(() => DealerRef)
export class DealerRefResolver {
  constructor(private readonly pointsService: PointsService) {}

  @ResolveField('pointsBalance', () => Int, { nullable: true, description: "Points balance; another dealer's gives null + FORBIDDEN / 积分余额" })
  @Authenticated()
  async pointsBalance(@Parent() dealer: DealerRef, @Context() ctx: RequestContext): Promise<number | null> {
    assertMayReadDealerPoints(ctx.caller, dealer.id);
    return requestLoader<string, number | null>(ctx, 'points-balance-by-dealer', async (dealerIds) => {
      const balances = new Map((await this.pointsService.findAccountsByDealerIds(dealerIds)).map((a) => [a.dealerId, a.balance]));
      return dealerIds.map((id) => balances.get(id) ?? null);
    }).load(dealer.id);
  }
}
