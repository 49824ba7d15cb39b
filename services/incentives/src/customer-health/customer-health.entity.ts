import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { healthColour } from './health-score';

/** A customer's health index (payment rate, interaction frequency, demand match), 0–100. */
@ObjectType('CustomerHealth', { description: 'Customer health index / 客户健康度' })
@Entity('customer_health')
export class CustomerHealth {
  @PrimaryColumn('varchar', { length: 36 }) customerId: string;
  @Field(() => Int, { description: '0–100' }) @Column('int') score: number;
  @UpdateDateColumn({ type: 'datetime' }) updatedAt: Date;

  @Field({ description: 'GREEN (≥ 70), YELLOW (40–69) or RED (< 40)' })
  get colour(): string {
    return healthColour(this.score);
  }
}
