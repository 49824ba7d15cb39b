import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { decimalToNumber } from '@lianxiao/platform';

export enum PromotionPlanStatus {
  PLANNED = 'PLANNED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(PromotionPlanStatus, { name: 'PromotionPlanStatus', description: 'PLANNED 计划中 / RUNNING 进行中 / DONE 已结束 / CANCELLED 已取消' });

@ObjectType({ description: "A dealer's local promotion plan, linked to its target year / 本地促销计划" })
@Entity('promotion_plan')
@Index(['dealerId', 'year', 'startDate'])
export class PromotionPlan {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) dealerId: string;
  @Field(() => Int, { description: 'The target year the plan belongs to' }) @Column('int') year: number;
  @Field() @Column('varchar', { length: 64 }) name: string;
  @Field({ description: 'YYYY-MM-DD' }) @Column({ type: 'date', utc: true }) startDate: string;
  @Field({ description: 'YYYY-MM-DD, on or after the start' }) @Column({ type: 'date', utc: true }) endDate: string;
  @Field(() => Float, { description: 'Budget, CNY' }) @Column('decimal', { precision: 14, scale: 2, transformer: decimalToNumber }) budget: number;
  @Field(() => Float, { description: 'Expected sell-through uplift during the period, % (0–200)' })
  @Column('decimal', { precision: 5, scale: 1, transformer: decimalToNumber })
  expectedUpliftPct: number;
  @Field(() => String, { nullable: true, description: 'A catalogue product line, or null for all lines' }) @Column('varchar', { length: 16, nullable: true }) productLine: string | null;
  @Field(() => PromotionPlanStatus) @Column('varchar', { length: 16 }) status: PromotionPlanStatus;
  @Field({ description: 'User id of who created it' }) @Column('varchar', { length: 36 }) createdBy: string;
  @Field(() => String, { nullable: true, description: 'User id of who last changed it' }) @Column('varchar', { length: 36, nullable: true }) updatedBy: string | null;
  @Field() @CreateDateColumn() createdAt: Date;
  @Field() @UpdateDateColumn() updatedAt: Date;
}
