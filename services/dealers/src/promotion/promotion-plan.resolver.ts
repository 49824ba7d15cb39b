import { Args, ArgsType, Context, Field, Float, ID, InputType, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, assertDealerAccess, Authenticated, Caller, Connection, CurrentCaller, PageArgs, requestLoader, RequestContext, Role } from '@lianxiao/platform';
import { DealerTarget } from '../target';
import { PromotionPlan, PromotionPlanStatus } from './promotion-plan.entity';
import { PromotionPlanService } from './promotion-plan.service';

@ObjectType()
export class PromotionPlanConnection extends Connection(PromotionPlan) {}

@InputType({ description: 'A local promotion plan / 本地促销计划' })
export class PromotionPlanInput {
  @Field(() => Int, { description: 'Target year; the dealer must have an annual target for it' }) year: number;
  @Field() name: string;
  @Field({ description: 'YYYY-MM-DD, within the target year' }) startDate: string;
  @Field({ description: 'YYYY-MM-DD, on or after the start' }) endDate: string;
  @Field(() => Float, { description: 'CNY, ≥ 0' }) budget: number;
  @Field(() => Float, { description: '%, 0–200' }) expectedUpliftPct: number;
  @Field(() => String, { nullable: true, description: 'A catalogue product line, or null for all lines' }) productLine?: string | null;
  @Field(() => PromotionPlanStatus, { nullable: true, description: 'Default PLANNED' }) status?: PromotionPlanStatus | null;
}

@ArgsType()
export class PromotionPlanListArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'HQ: one dealer; dealer staff: only their own' }) dealerId?: string | null;
  @Field(() => Int, { nullable: true }) year?: number | null;
}

@Resolver(() => PromotionPlan)
export class PromotionPlanResolver {
  constructor(private readonly plans: PromotionPlanService) {}

  @Query(() => PromotionPlanConnection, { description: "Promotion plans: dealer staff their own dealer's, HQ all / 促销计划" })
  @Authenticated()
  promotionPlans(@CurrentCaller() caller: Caller, @Args() args: PromotionPlanListArgs): Promise<PromotionPlanConnection> {
    return this.plans.list(caller, args);
  }

  @Mutation(() => PromotionPlan, { description: 'Dealer staff add a promotion plan for their own dealer / 新建促销计划' })
  @Allow(Role.DEALER)
  createPromotionPlan(@CurrentCaller() caller: Caller, @Args('input') input: PromotionPlanInput): Promise<PromotionPlan> {
    return this.plans.create(caller, input);
  }

  @Mutation(() => PromotionPlan, { description: "Dealer staff edit one of their own dealer's promotion plans / 修改促销计划" })
  @Allow(Role.DEALER)
  updatePromotionPlan(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string, @Args('input') input: PromotionPlanInput): Promise<PromotionPlan> {
    return this.plans.update(caller, id, input);
  }

  @Mutation(() => ID, { description: "Dealer staff delete one of their own dealer's promotion plans; answers its id / 删除促销计划" })
  @Allow(Role.DEALER)
  deletePromotionPlan(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<string> {
    return this.plans.remove(caller, id);
  }
}

@Resolver(() => DealerTarget)
export class TargetPromotionPlansResolver {
  constructor(private readonly plans: PromotionPlanService) {}

  @ResolveField(() => [PromotionPlan], { description: "The dealer's promotion plans for this target year / 关联的促销计划" })
  @Authenticated()
  promotionPlans(@CurrentCaller() caller: Caller, @Parent() target: DealerTarget, @Context() ctx: RequestContext): Promise<PromotionPlan[]> {
    assertDealerAccess(caller, target.dealerId);
    return requestLoader<string, PromotionPlan[]>(ctx, 'target-promotion-plans', (keys) => this.plans.byTargetKeys(keys)).load(`${target.dealerId}|${target.year}`);
  }
}
