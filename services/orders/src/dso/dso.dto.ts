import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum DsoDimension {
  TOTAL = 'TOTAL',
  REGION = 'REGION',
  CUSTOMER = 'CUSTOMER',
}
registerEnumType(DsoDimension, { name: 'DsoDimension', description: 'TOTAL 全公司 / REGION 按大区 / CUSTOMER 按客户' });

@ObjectType({ description: 'DSO of one month: receivables / revenue × days / 应收账款周转天数' })
export class DsoPoint {
  @Field({ description: 'YYYY-MM' }) month: string;
  @Field(() => Float, { description: 'Receivables at the last day of the month (yuan)' }) receivables: number;
  @Field(() => Float, { description: 'Invoiced in the month (yuan)' }) revenue: number;
  @Field(() => Int) days: number;
  @Field(() => Float, { nullable: true, description: 'Days; null when the month had no revenue' }) dso: number | null;
}

@ObjectType({ description: 'A DSO trend line (company, a region or a customer) / DSO 趋势' })
export class DsoSeries {
  @Field({ description: 'TOTAL, the region name, or the customer id' }) key: string;
  @Field() label: string;
  @Field(() => [DsoPoint]) points: DsoPoint[];
}

@ArgsType()
export class DsoTrendArgs {
  @Field({ description: 'YYYY-MM' }) fromMonth: string;
  @Field({ description: 'YYYY-MM (at most 36 months after fromMonth)' }) toMonth: string;
  @Field(() => DsoDimension, { defaultValue: DsoDimension.TOTAL }) dimension: DsoDimension;
  @Field(() => ID, { nullable: true, description: 'Only this customer' }) customerId?: string;
  @Field(() => String, { nullable: true, description: 'Only this region' }) region?: string;
  @Field(() => Int, { defaultValue: 10, description: 'CUSTOMER: the N customers with the largest receivables at toMonth' }) top: number;
}

@ObjectType({ description: 'Open receivables by age / 应收账款账龄' })
export class AgeingRow {
  @Field(() => ID, { nullable: true, description: 'null on the totals row' }) customerId: string | null;
  @Field() customerName: string;
  @Field() region: string;
  @Field(() => Float, { description: '0–30 days' }) days0to30: number;
  @Field(() => Float, { description: '31–60 days' }) days31to60: number;
  @Field(() => Float, { description: '61–90 days' }) days61to90: number;
  @Field(() => Float, { description: '> 90 days' }) over90: number;
  @Field(() => Float) total: number;
}

@ObjectType()
export class ReceivablesAgeing {
  @Field({ description: 'YYYY-MM-DD' }) asOf: string;
  @Field(() => [AgeingRow], { description: 'Customers with open receivables, largest first' }) rows: AgeingRow[];
  @Field(() => AgeingRow) totals: AgeingRow;
}
