import { Args, ArgsType, Context, Field, Int, Query, Resolver } from '@nestjs/graphql';
import { Allow, Caller, CurrentCaller, PageArgs, requestLoader, RequestContext, Role } from '@lianxiao/platform';
import { Stage } from '../stage';
import { StageCountRow } from './funnel-math';
import { CustomerConnection } from '../customer/customer.dto';
import { AnalyticsFilter, HeatmapDimension, ObstacleWord, OverdueCustomer, PaymentRiskSignal, SalesFunnel, StageHeatmap } from './analytics.dto';
import { AnalyticsService, SharedReads } from './analytics.service';

/** Who reads the sales analytics: director/admin everything, supervisor own region, rep own customers. */
const ANALYTICS_ROLES = [Role.DIRECTOR, Role.ADMIN, Role.SUPERVISOR, Role.REP];

@ArgsType()
class DrillDownArgs extends PageArgs {
  @Field(() => AnalyticsFilter, { nullable: true }) filter?: AnalyticsFilter;
  @Field(() => String, { nullable: true, description: 'Stage code of the clicked cell' }) stage?: string;
  @Field({ nullable: true, defaultValue: false, description: 'Only customers whose next action date has passed' }) overdueOnly?: boolean;
  @Field(() => String, { nullable: true, description: 'Only customers with a follow-up obstacle containing this word (a word-cloud click)' }) obstacleWord?: string;
}

@Resolver()
export class AnalyticsResolver {
  constructor(private readonly analytics: AnalyticsService) {}

  /** The dashboard asks for funnel and heatmap in one request: one grouped count serves both. */
  private shared(ctx: RequestContext, caller: Caller, filter: AnalyticsFilter | undefined): SharedReads {
    const key = JSON.stringify(filter ?? {});
    return {
      stages: () => requestLoader<string, Stage[]>(ctx, 'analytics-stage-model', async (keys) => {
        const stages = await this.analytics.stageModel();
        return keys.map(() => stages);
      }).load('all'),
      counts: () => requestLoader<string, StageCountRow[]>(ctx, 'analytics-stage-counts', (keys) =>
        Promise.all(keys.map((k) => this.analytics.stageCounts(caller, JSON.parse(k) as AnalyticsFilter))),
      ).load(key),
    };
  }

  @Query(() => SalesFunnel, { description: 'Funnel: customers per stage, stage-to-stage conversion, time in stage, regions far below average / 销售漏斗' })
  @Allow(...ANALYTICS_ROLES)
  salesFunnel(
    @CurrentCaller() caller: Caller,
    @Context() ctx: RequestContext,
    @Args('filter', { type: () => AnalyticsFilter, nullable: true }) filter?: AnalyticsFilter,
  ): Promise<SalesFunnel> {
    return this.analytics.funnel(caller, filter, this.shared(ctx, caller, filter));
  }

  @Query(() => StageHeatmap, { description: 'Customers per stage × region or industry / 阶段热力图' })
  @Allow(...ANALYTICS_ROLES)
  stageHeatmap(
    @CurrentCaller() caller: Caller,
    @Context() ctx: RequestContext,
    @Args('dimension', { type: () => HeatmapDimension, defaultValue: HeatmapDimension.REGION }) dimension: HeatmapDimension,
    @Args('filter', { type: () => AnalyticsFilter, nullable: true }) filter?: AnalyticsFilter,
  ): Promise<StageHeatmap> {
    return this.analytics.heatmap(caller, dimension, filter, this.shared(ctx, caller, filter));
  }

  @Query(() => [OverdueCustomer], { description: 'The most overdue next actions (top 5 by default) / 逾期客户 Top 5' })
  @Allow(...ANALYTICS_ROLES)
  overdueCustomers(
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => AnalyticsFilter, nullable: true }) filter?: AnalyticsFilter,
    @Args('first', { type: () => Int, defaultValue: 5 }) first = 5,
  ): Promise<OverdueCustomer[]> {
    return this.analytics.overdue(caller, filter, first);
  }

  @Query(() => [ObstacleWord], { description: 'Words of follow-up obstacles appearing more than 3 times (minCount 4), stop words removed / 障碍词云' })
  @Allow(...ANALYTICS_ROLES)
  obstacleWordCloud(
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => AnalyticsFilter, nullable: true }) filter?: AnalyticsFilter,
    @Args('minCount', { type: () => Int, defaultValue: 4 }) minCount = 4,
  ): Promise<ObstacleWord[]> {
    return this.analytics.wordCloud(caller, filter, minCount);
  }

  @Query(() => [PaymentRiskSignal], { description: 'Customers whose last 30 days of notes mention 付款 more and 验收 no more than the 60 days before / 回款风险' })
  @Allow(...ANALYTICS_ROLES)
  paymentRiskSignals(
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => AnalyticsFilter, nullable: true }) filter?: AnalyticsFilter,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
  ): Promise<PaymentRiskSignal[]> {
    return this.analytics.paymentRisks(caller, filter, first);
  }

  @Query(() => CustomerConnection, { description: 'Drill-down: the customers behind a chart cell, same filters / 下钻客户列表' })
  @Allow(...ANALYTICS_ROLES)
  analyticsCustomers(@CurrentCaller() caller: Caller, @Args() args: DrillDownArgs): Promise<CustomerConnection> {
    const { filter, stage, overdueOnly, obstacleWord, ...page } = args;
    return this.analytics.customers(caller, filter, stage, !!overdueOnly, page, new Date(), obstacleWord);
  }
}
