import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, Caller, CurrentCaller } from '@lianxiao/platform';
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
}
