import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many points a dealer earns for what. `perAmount` set: `points` per full `perAmount` of the
 * amount (sell-through: 1 point per 1,000 CNY); null: a flat `points` per occurrence.
 */
@ObjectType({ description: 'A points earn rule / 积分规则' })
@Entity('points_earn_rule')
export class PointsEarnRule {
  @Field({ description: 'SELL_THROUGH, TRAINING_COMPLETED, ON_TIME_PAYMENT, TARGET_REACHED' })
  @PrimaryColumn('varchar', { length: 32 })
  code: string;

  @Field(() => Int, { description: 'Points per occurrence, or per full perAmount / 积分' })
  @Column('int')
  points: number;

  @Field(() => Int, { nullable: true, description: 'Amount (CNY) one unit of points is earned per; null = flat / 每多少元' })
  @Column('int', { nullable: true })
  perAmount: number | null;

  @Field({ description: '规则说明' })
  @Column('varchar', { length: 128 })
  description: string;
}
