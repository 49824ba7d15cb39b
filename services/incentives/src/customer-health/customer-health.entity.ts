import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { decimalToNumber } from '@lianxiao/platform';
import { healthColour } from './health-score';

/** A customer's health index (payment rate, interaction frequency, demand match), 0–100. */
@ObjectType('CustomerHealth', { description: 'Customer health index / 客户健康度' })
@Entity('customer_health')
export class CustomerHealth {
  @PrimaryColumn('varchar', { length: 36 }) customerId: string;
  @Field(() => Int, { description: '0–100' }) @Column('int') score: number;
  @UpdateDateColumn({ type: 'datetime' }) updatedAt: Date;
  /** Inputs kept from events (null until an event reported them; the demo seed scores without them). */
  @Column('varchar', { length: 16, nullable: true }) stage: string | null;
  @Column('datetime', { nullable: true }) lastInteractionAt: Date | null;
  @Column('int', { default: 0 }) interactions90d: number;
  @Column('decimal', { precision: 5, scale: 4, nullable: true, transformer: decimalToNumber }) paymentRate: number | null;

  @Field({ description: 'GREEN (≥ 70), YELLOW (40–69) or RED (< 40)' })
  get colour(): string {
    return healthColour(this.score);
  }
}
