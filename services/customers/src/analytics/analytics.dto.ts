import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Customer } from '../customer';

@InputType({ description: 'Filters shared by every chart and its drill-down / 分析筛选条件' })
export class AnalyticsFilter {
  @Field(() => String, { nullable: true, description: 'Sales region, e.g. 华东' }) region?: string | null;
  @Field(() => String, { nullable: true, description: 'Product line, e.g. 五金件' }) productLine?: string | null;
  @Field(() => String, { nullable: true, description: 'Industry, e.g. 汽车零部件' }) industry?: string | null;
  @Field(() => ID, { nullable: true, description: 'Owning rep' }) ownerId?: string | null;
  @Field(() => String, { nullable: true, description: 'Period start YYYY-MM-DD: customers created (funnel, heatmap) or notes written (word cloud) from this day' }) from?: string | null;
  @Field(() => String, { nullable: true, description: 'Period end YYYY-MM-DD, inclusive' }) to?: string | null;
}

export enum HeatmapDimension {
  REGION = 'REGION',
  INDUSTRY = 'INDUSTRY',
}
registerEnumType(HeatmapDimension, { name: 'HeatmapDimension', description: 'Rows of the stage heatmap / 热力图维度' });

@ObjectType({ description: 'One stage of the funnel / 漏斗阶段' })
export class FunnelStage {
  @Field() stage: string;
  @Field() nameZh: string;
  @Field() nameEn: string;
  @Field(() => Int, { description: 'Customers currently in this stage' }) count: number;
  @Field(() => Int, { description: 'Customers in this stage or a later one' }) reached: number;
  @Field(() => Float, { nullable: true, description: 'reached(next) / reached(this), 0.32 = 32 %; null for the last stage or nobody here' }) conversionToNext: number | null;
  @Field(() => Float, { nullable: true, description: 'Average days spent in this stage before leaving it' }) averageDaysInStage: number | null;
  @Field(() => Float, { nullable: true, description: '90th percentile of the days in this stage (whole days)' }) p90DaysInStage: number | null;
}

@ObjectType({ description: 'A region’s stage-to-stage conversion against the overall one / 区域转化率' })
export class RegionConversion {
  @Field() region: string;
  @Field() stage: string;
  @Field() toStage: string;
  @Field(() => Int) reached: number;
  @Field(() => Float, { nullable: true }) conversion: number | null;
  @Field(() => Float, { nullable: true }) overallConversion: number | null;
  @Field({ description: 'True when far below the overall conversion (under 75 % of it, at least 5 customers) / 显著偏低' }) belowAverage: boolean;
}

@ObjectType({ description: 'The sales funnel / 销售漏斗' })
export class SalesFunnel {
  @Field(() => Int) total: number;
  @Field(() => [FunnelStage]) stages: FunnelStage[];
  @Field(() => [RegionConversion]) regionConversions: RegionConversion[];
}

@ObjectType({ description: 'Customers of one stage in one region or industry / 热力图单元格' })
export class HeatmapCell {
  @Field() stage: string;
  @Field() key: string;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'Customers per stage × region or industry / 阶段热力图' })
export class StageHeatmap {
  @Field(() => HeatmapDimension) dimension: HeatmapDimension;
  @Field(() => [String]) stages: string[];
  @Field(() => [String]) keys: string[];
  @Field(() => [HeatmapCell]) cells: HeatmapCell[];
}

@ObjectType({ description: 'A customer whose next action date has passed / 逾期客户' })
export class OverdueCustomer {
  @Field(() => Customer) customer: Customer;
  @Field(() => Int) daysOverdue: number;
}

@ObjectType({ description: 'A word of the obstacle word cloud / 障碍词' })
export class ObstacleWord {
  @Field() word: string;
  @Field(() => Int) count: number;
}

@ObjectType({ description: '“付款” rising and “验收” gone in a customer’s recent notes / 回款风险信号' })
export class PaymentRiskSignal {
  @Field(() => Customer) customer: Customer;
  @Field(() => Int) recentPaymentMentions: number;
  @Field(() => Int) earlierPaymentMentions: number;
  @Field(() => Int) recentAcceptanceMentions: number;
  @Field(() => Int) earlierAcceptanceMentions: number;
  @Field() lastNoteAt: Date;
}
