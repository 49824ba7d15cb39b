import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A marketing material dealers can redeem points for; `stock` never goes below zero. */
@ObjectType({ description: 'A marketing material in the points catalogue / 积分兑换物料' })
@Entity('redemption_item')
export class RedemptionItem {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field({ description: 'Catalogue code, e.g. MM-POSTER' }) @Index('UQ_redemption_item_code', { unique: true }) @Column('varchar', { length: 32 }) code: string;
  @Field() @Column('varchar', { length: 128 }) name: string;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 255, nullable: true }) description: string | null;
  @Field({ description: 'Unit, e.g. 张 / 套 / 个' }) @Column('varchar', { length: 8 }) unit: string;
  @Field(() => Int, { description: 'Points per unit / 单价（积分）' }) @Column('int') pointsCost: number;
  @Field(() => Int, { description: 'Units left / 库存' }) @Column('int') stock: number;
  @Field({ description: 'Offered in the catalogue' }) @Column('boolean', { default: true }) active: boolean;
  @Field() @UpdateDateColumn({ type: 'datetime' }) updatedAt: Date;
}
