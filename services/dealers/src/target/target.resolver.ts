import { Args, Context, Field, Float, ID, InputType, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, assertDealerAccess, Authenticated, Caller, CurrentCaller, requestLoader, RequestContext, Role } from '@lianxiao/platform';
import { Dealer } from '../dealer';
import { DealerTarget, DealerTargetSplit } from './dealer-target.entity';
import { DealerTargetLine } from './dealer-target-line.entity';
import { TargetService } from './target.service';

@InputType({ description: "One product line's part of the annual target / 产品线目标" })
export class ProductLineAmountInput {
  @Field({ description: 'A catalogue product line (see productLines)' }) productLine: string;
  @Field(() => Float, { description: 'CNY, ≥ 0' }) amount: number;
}

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

  @Query(() => [String], { name: 'productLines', description: 'The product lines of the catalogue, for per-line targets (every signed-in user) / 产品线' })
  @Authenticated()
  catalogueProductLines(): Promise<string[]> {
    return this.targets.catalogueLines();
  }

  @Mutation(() => DealerTarget, {
    description: "HQ sets a dealer's annual target (director/admin), optionally with parts per product line that must add up to it (TARGET_LINES_MISMATCH); an empty list clears the parts / 设定年度目标",
  })
  @Allow(Role.DIRECTOR, Role.ADMIN)
  setAnnualTarget(
    @CurrentCaller() caller: Caller,
    @Args('dealerId', { type: () => ID }) dealerId: string,
    @Args('year', { type: () => Int }) year: number,
    @Args('amount', { type: () => Float }) amount: number,
    @Args('productLines', { type: () => [ProductLineAmountInput], nullable: true, description: 'Left out: parts kept while they still add up' }) productLines?: ProductLineAmountInput[] | null,
  ): Promise<DealerTarget> {
    return this.targets.setAnnualTarget(caller, dealerId, year, amount, productLines);
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

  @ResolveField(() => [DealerTargetLine], { description: 'Parts per product line set by HQ; empty when the target is not broken down by line' })
  @Authenticated()
  productLines(@CurrentCaller() caller: Caller, @Parent() target: DealerTarget, @Context() ctx: RequestContext): Promise<DealerTargetLine[]> {
    assertDealerAccess(caller, target.dealerId);
    return requestLoader<string, DealerTargetLine[]>(ctx, 'dealer-target-lines', (keys) => this.targets.linesByKeys(keys)).load(`${target.dealerId}|${target.year}`);
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
