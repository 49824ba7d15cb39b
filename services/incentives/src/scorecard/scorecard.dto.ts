import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Weight and threshold of one indicator / 指标权重与阈值' })
@InputType('IndicatorSettingInput')
export class IndicatorSettingType {
  @Field({ description: 'CONTRACT_ACHIEVEMENT, FIRST_PAYMENT_ON_TIME, COMPLAINT_SATISFACTION, NEW_PRODUCT_SUCCESS, PAYMENT_CYCLE, RETURN_REPAIR_RATE, REPURCHASE_POTENTIAL or INTERACTION_FREQUENCY' }) code: string;
  @Field(() => Float, { description: 'Percent; the 8 weights total 100' }) weight: number;
  @Field(() => Float) threshold: number;
}

@ObjectType({ description: 'From this score on, this coefficient / 系数分段' })
@InputType('CoefficientBandInput')
export class CoefficientBandType {
  @Field(() => Float) minScore: number;
  @Field(() => Float) coefficient: number;
}

@ObjectType({ description: 'Scorecard settings of a quarter (a default until an admin saves one) / 考核配置' })
export class ScorecardSettings {
  @Field() quarter: string;
  @Field(() => Int, { description: '0 = the built-in default' }) version: number;
  @Field(() => [IndicatorSettingType]) indicators: IndicatorSettingType[];
  @Field(() => [CoefficientBandType]) bands: CoefficientBandType[];
  @Field({ description: 'Closed quarters are frozen' }) closed: boolean;
}

@InputType({ description: 'New settings for a quarter (saved as the next version) or candidate settings for the what-if' })
export class ScorecardSettingsInput {
  @Field() quarter: string;
  @Field(() => [IndicatorSettingType], { nullable: true, description: 'All 8 indicators; omitted = the current ones' }) indicators?: IndicatorSettingType[];
  @Field(() => [CoefficientBandType], { nullable: true, description: 'Omitted = the current mapping' }) bands?: CoefficientBandType[];
}

@ObjectType({ description: 'A record behind an indicator / 指标来源记录' })
export class ScorecardSource {
  @Field(() => ID) id: string;
  @Field({ description: 'CONTRACT or a record kind (FIRST_PAYMENT, COMPLAINT_SURVEY…)' }) kind: string;
  @Field() reference: string;
  @Field(() => Float) value: number;
  @Field(() => Float, { nullable: true }) value2: number | null;
  @Field() occurredAt: Date;
}

@ObjectType({ description: 'One of the 8 indicators of a rep’s quarter / 考核指标' })
export class ScorecardIndicator {
  @Field() code: string;
  @Field() nameZh: string;
  @Field() nameEn: string;
  @Field({ description: 'AT_LEAST or AT_MOST' }) direction: string;
  @Field() unit: string;
  @Field() formulaZh: string;
  @Field(() => Float) weight: number;
  @Field(() => Float) threshold: number;
  @Field(() => Float, { nullable: true, description: 'null = no data (weight left out of the score)' }) raw: number | null;
  @Field(() => Float, { nullable: true, description: '0–100' }) score: number | null;
  @Field(() => [ScorecardSource]) sources: ScorecardSource[];
}

@ObjectType({ description: 'A rep’s scorecard for a quarter / 销售考核卡' })
export class RepScorecard {
  @Field(() => ID) repId: string;
  @Field() repName: string;
  @Field() region: string;
  @Field() quarter: string;
  @Field(() => Float, { description: 'Weighted score 0–100' }) score: number;
  @Field(() => Float, { description: '0.6–1.4' }) coefficient: number;
  @Field(() => Float) baseCommission: number;
  @Field(() => Float, { description: 'base commission × coefficient' }) bonus: number;
  @Field(() => Float, { nullable: true }) targetAmount: number | null;
  @Field() closed: boolean;
  @Field(() => [ScorecardIndicator]) indicators: ScorecardIndicator[];
}

@ObjectType({ description: 'One rep before and after candidate settings / 模拟结果' })
export class WhatIfRep {
  @Field(() => ID) repId: string;
  @Field() repName: string;
  @Field() region: string;
  @Field(() => Float) scoreBefore: number;
  @Field(() => Float) scoreAfter: number;
  @Field(() => Float) coefficientBefore: number;
  @Field(() => Float) coefficientAfter: number;
  @Field(() => Float) bonusBefore: number;
  @Field(() => Float) bonusAfter: number;
}

@ObjectType({ description: 'Every rep’s coefficient and the total bonus cost before and after; nothing is saved / 假设分析' })
export class WhatIfResult {
  @Field() quarter: string;
  @Field(() => [WhatIfRep]) reps: WhatIfRep[];
  @Field(() => Float) totalBonusBefore: number;
  @Field(() => Float) totalBonusAfter: number;
}

@InputType({ description: 'A source record to enter or import / 录入考核来源记录' })
export class ScorecardRecordInput {
  @Field(() => ID) repId: string;
  @Field({ description: 'FIRST_PAYMENT, COMPLAINT_SURVEY, NEW_PRODUCT_RECOMMENDATION, PAYMENT_CYCLE, RETURN_REPAIR, REPURCHASE_POTENTIAL or INTERACTION' }) kind: string;
  @Field({ description: 'Survey number, contract number, …' }) reference: string;
  @Field(() => Float) value: number;
  @Field(() => Float, { nullable: true, description: 'RETURN_REPAIR: delivered units' }) value2?: number | null;
  @Field({ description: 'When it happened; decides the quarter' }) occurredAt: Date;
  @Field(() => ID, { nullable: true }) customerId?: string | null;
}

@InputType({ description: 'A rep’s quarterly target and base commission / 季度目标' })
export class RepTargetInput {
  @Field(() => ID) repId: string;
  @Field() quarter: string;
  @Field(() => Float) targetAmount: number;
  @Field(() => Float) baseCommission: number;
}

@ObjectType({ description: 'Days from hire to first signed contract / 新人首单天数' })
export class NewHireRamp {
  @Field(() => ID) repId: string;
  @Field() repName: string;
  @Field() hiredAt: Date;
  @Field(() => Date, { nullable: true }) firstDealAt: Date | null;
  @Field(() => Int, { nullable: true }) daysToFirstDeal: number | null;
}

@ObjectType({ description: 'Rep behaviour: new-hire ramp / 新人成长' })
export class NewHireRampSummary {
  @Field(() => Float, { nullable: true, description: 'Average days to first deal of reps hired in the last 12 months' }) averageDays: number | null;
  @Field(() => [NewHireRamp]) reps: NewHireRamp[];
}
