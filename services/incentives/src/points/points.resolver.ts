import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, Caller, CurrentCaller } from '@lianxiao/platform';
import { DealerRef } from '../dealer-ref/dealer-ref.type';
import { PointsAccount } from './points-account.entity';
import { PointsEntryConnection, PointsEntryListArgs } from './points.dto';
import { PointsService } from './points.service';

@Resolver(() => PointsAccount)
export class PointsResolver {
  constructor(private readonly pointsService: PointsService) {}

  @Query(() => PointsAccount, { description: "A dealer's points account: dealer staff their own only, HQ any / 积分账户" })
  @Authenticated()
  pointsAccount(@CurrentCaller() caller: Caller, @Args('dealerId', { type: () => ID }) dealerId: string): Promise<PointsAccount> {
    return this.pointsService.accountForCaller(caller, dealerId);
  }

  @Query(() => PointsEntryConnection, { description: "A dealer's points ledger, newest first / 积分流水" })
  @Authenticated()
  pointsEntries(@CurrentCaller() caller: Caller, @Args() args: PointsEntryListArgs): Promise<PointsEntryConnection> {
    return this.pointsService.entriesForCaller(caller, args);
  }

  /** Also what puts `Dealer` into this subgraph's schema, so DealerRefResolver can extend it. */
  @ResolveField('dealer', () => DealerRef, { description: 'The dealer, resolved by the dealers subgraph' })
  @Authenticated()
  dealer(@Parent() account: PointsAccount): DealerRef {
    return { id: account.dealerId };
  }
}
