import { Args, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, Caller, CurrentCaller, HQ_ROLES, Role } from '@lianxiao/platform';
import { PointsAdjustmentService } from './points-adjustment.service';
import { DealerRef } from '../dealer-ref/dealer-ref.type';
import { PointsAccount } from './points-account.entity';
import { PointsEntryConnection, PointsEntryListArgs } from './points.dto';
import { PointsService } from './points.service';

@ObjectType({ description: 'Points issued and redeemed in one month, network-wide / 积分发放与兑换' })
export class PointsMonth {
  @Field({ description: 'YYYY-MM (UTC+8)' }) month: string;
  @Field(() => Int, { description: 'Earned by rules (training, payment, targets, sell-through)' }) issued: number;
  @Field(() => Int, { description: 'Spent in the catalogue' }) redeemed: number;
  @Field(() => Int, { description: 'Net HQ adjustments' }) adjusted: number;
}

@ObjectType({ description: 'What adjustPoints did' })
export class AdjustPointsResult {
  @Field(() => PointsAccount) account: PointsAccount;
  @Field({ description: 'True when the idempotency key was seen before: nothing new happened' }) replayed: boolean;
}

@Resolver(() => PointsAccount)
export class PointsResolver {
  constructor(private readonly pointsService: PointsService, private readonly adjustments: PointsAdjustmentService) {}

  @Query(() => [PointsMonth], { description: 'HQ: points issued vs redeemed per month across all dealers / 积分发放与兑换' })
  @Allow(...HQ_ROLES)
  pointsNetworkSummary(@Args('months', { type: () => Int, nullable: true }) months?: number | null): Promise<PointsMonth[]> {
    return this.pointsService.networkSummary(months ?? 12);
  }

  @Mutation(() => AdjustPointsResult, { description: "HQ corrects a dealer's points with a note; never below zero / 积分调整" })
  @Allow(Role.ADMIN, Role.DIRECTOR)
  adjustPoints(
    @CurrentCaller() caller: Caller,
    @Args('dealerId', { type: () => ID }) dealerId: string,
    @Args('delta', { type: () => Int }) delta: number,
    @Args('note') note: string,
    @Args('idempotencyKey') idempotencyKey: string,
  ): Promise<AdjustPointsResult> {
    return this.adjustments.adjust(caller, { dealerId, delta, note, idempotencyKey });
  }

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
