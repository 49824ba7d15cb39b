import { Args, Context, Field, Float, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, assertDealerAccess, Authenticated, Caller, CurrentCaller, requestLoader, RequestContext, Role } from '@lianxiao/platform';
import { Dealer } from '../dealer';
import { DealerTarget, DealerTargetSplit } from './dealer-target.entity';
import { TargetService } from './target.service';

@ObjectType({ description: 'A suggested split of the annual target / 目标分解建议' })
export class TargetSplitSuggestion {
  @Field({ description: "LAST_YEAR_SELL_THROUGH (seasonal) or EVEN" }) basis: string;
  @Field(() => [Float], { description: 'Q1..Q4' }) quarters: number[];
  @Field(() => [Float], { description: 'January..December' }) months: number[];
}

@Resolver(() => DealerTarget)
export class TargetResolver {
  constructor(private readonly targets: TargetService) {}

  @Query(() => DealerTarget, { nullable: true, description: "A dealer's annual target (own dealer or HQ) / 年度目标" })
  @Authenticated()
  dealerTarget(@CurrentCaller() caller: Caller, @Args('dealerId', { type: () => ID }) dealerId: string, @Args('year', { type: () => Int }) year: number): Promise<DealerTarget | null> {
    return this.targets.findForCaller(caller, dealerId, year);
  }

  @Query(() => TargetSplitSuggestion, { description: "Seasonal split suggestion from last year's sell-through, else even / 分解建议" })
  @Authenticated()
  targetSplitSuggestion(@CurrentCaller() caller: Caller, @Args('dealerId', { type: () => ID }) dealerId: string, @Args('year', { type: () => Int }) year: number): Promise<TargetSplitSuggestion> {
    return this.targets.suggestion(caller, dealerId, year);
  }

  @Mutation(() => DealerTarget, { description: "HQ sets a dealer's annual target (director/admin) / 设定年度目标" })
  @Allow(Role.DIRECTOR, Role.ADMIN)
  setAnnualTarget(
    @CurrentCaller() caller: Caller,
    @Args('dealerId', { type: () => ID }) dealerId: string,
    @Args('year', { type: () => Int }) year: number,
    @Args('amount', { type: () => Float }) amount: number,
  ): Promise<DealerTarget> {
    return this.targets.setAnnualTarget(caller, dealerId, year, amount);
  }

  @Mutation(() => DealerTarget, { description: "Split the annual target into 4 quarters and 12 months; must add up (TARGET_SPLIT_MISMATCH). The dealer's own staff, or director/admin / 目标分解" })
  @Allow(Role.DEALER, Role.DIRECTOR, Role.ADMIN)
  splitTarget(
    @CurrentCaller() caller: Caller,
    @Args('dealerId', { type: () => ID }) dealerId: string,
    @Args('year', { type: () => Int }) year: number,
    @Args('quarters', { type: () => [Float] }) quarters: number[],
    @Args('months', { type: () => [Float] }) months: number[],
  ): Promise<DealerTarget> {
    return this.targets.splitTarget(caller, dealerId, year, quarters, months);
  }

  @ResolveField(() => [DealerTargetSplit], { description: 'Q1..Q4 then M01..M12; empty until the dealer splits' })
  @Authenticated()
  splits(@CurrentCaller() caller: Caller, @Parent() target: DealerTarget): Promise<DealerTargetSplit[]> {
    assertDealerAccess(caller, target.dealerId);
    return this.targets.splitsOf(target.dealerId, target.year);
  }
}

@Resolver(() => Dealer)
export class DealerTargetFieldResolver {
  constructor(private readonly targets: TargetService) {}

  @ResolveField(() => DealerTarget, { nullable: true, description: "The dealer's annual target for a year / 年度目标" })
  @Authenticated()
  target(@CurrentCaller() caller: Caller, @Parent() dealer: Dealer, @Args('year', { type: () => Int }) year: number, @Context() ctx: RequestContext): Promise<DealerTarget | null> {
    assertDealerAccess(caller, dealer.id);
    return requestLoader<string, DealerTarget | null>(ctx, `dealer-target-${year}`, async (ids) => {
      const rows = await this.targets.findByDealerIds(ids, year);
      return ids.map((id) => rows.find((r) => r.dealerId === id) ?? null);
    }).load(dealer.id);
  }
}
