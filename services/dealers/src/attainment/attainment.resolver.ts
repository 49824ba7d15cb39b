import { Args, Field, Float, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Allow, assertDealerAccess, Authenticated, Caller, CurrentCaller, DomainError, HQ_ROLES } from '@lianxiao/platform';
import { Dealer } from '../dealer';
import { attainmentOf } from './attainment';

@ObjectType({ description: 'Target vs sell-through for one month / 月度达成' })
export class MonthAttainmentType {
  @Field({ description: 'M01..M12' }) period: string;
  @Field(() => Float) target: number;
  @Field(() => Float) actual: number;
  @Field(() => Float, { nullable: true }) rate: number | null;
}

@ObjectType('ProductLineAttainment', { description: "One product line's attainment: HQ's part of the target against the line's sell-through / 产品线达成" })
export class ProductLineAttainmentType {
  @Field() productLine: string;
  @Field(() => Float, { nullable: true, description: "HQ's part of the annual target; null when not broken down by line" }) annualTarget: number | null;
  @Field(() => Float) yearToDateActual: number;
  @Field(() => Float, { nullable: true }) yearRate: number | null;
  @Field(() => Float, { nullable: true, description: "The line's share of this month's target; null outside the current year or without a line part" }) currentMonthTarget: number | null;
  @Field(() => Float) currentMonthActual: number;
  @Field(() => Float, { nullable: true }) currentMonthRate: number | null;
}

@ObjectType({ description: "A dealer's target attainment from sell-through / 目标达成" })
export class DealerAttainment {
  @Field(() => ID) dealerId: string;
  @Field(() => String, { nullable: true }) dealerCode?: string | null;
  @Field(() => String, { nullable: true }) dealerName?: string | null;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => Int) year: number;
  @Field(() => Float, { nullable: true }) annualTarget: number | null;
  @Field(() => Float) yearToDateActual: number;
  @Field(() => Float, { nullable: true, description: 'Year to date ÷ annual target' }) yearRate: number | null;
  @Field(() => Float, { nullable: true, description: "Year to date ÷ the months' targets so far" }) yearToDateRate: number | null;
  @Field(() => MonthAttainmentType, { nullable: true }) currentMonth: MonthAttainmentType | null;
  @Field(() => [MonthAttainmentType]) months: MonthAttainmentType[];
  @Field(() => [ProductLineAttainmentType], { description: 'Per catalogue product line, from the SKU of each receipt' }) productLines: ProductLineAttainmentType[];
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw DomainError.validation([{ field: 'year', messageZh: '年份须在 2000–2100 之间', messageEn: 'year must be within 2000–2100' }]);
}

@Resolver()
export class AttainmentResolver {
  constructor(private readonly db: DataSource) {}

  @Query(() => DealerAttainment, { description: "A dealer's attainment this month and year: own dealer or HQ / 目标达成" })
  @Authenticated()
  async dealerAttainment(@CurrentCaller() caller: Caller, @Args('dealerId', { type: () => ID }) dealerId: string, @Args('year', { type: () => Int }) year: number): Promise<DealerAttainment> {
    assertDealerAccess(caller, dealerId);
    assertYear(year);
    const dealer = await this.db.getRepository(Dealer).findOneBy({ id: dealerId });
    if (!dealer) throw DomainError.notFound('Dealer', '经销商', dealerId);
    const [view] = await attainmentOf(this.db, [dealerId], year);
    return view;
  }

  @Query(() => [DealerAttainment], { description: "HQ: every dealer's attainment / 全网目标达成" })
  @Allow(...HQ_ROLES)
  async networkAttainment(@Args('year', { type: () => Int }) year: number): Promise<DealerAttainment[]> {
    assertYear(year);
    const dealers = await this.db.getRepository(Dealer).find({ order: { code: 'ASC' } });
    const views = await attainmentOf(this.db, dealers.map((d) => d.id), year);
    return views.map((v, i) => ({ ...v, dealerCode: dealers[i].code, dealerName: dealers[i].name, region: dealers[i].region }));
  }
}
