import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A dealer's points balance: always the sum of its ledger entries, never negative. */
@ObjectType({ description: "A dealer's points account / 经销商积分账户" })
@Entity('points_account')
export class PointsAccount {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Index({ unique: true }) @Column('varchar', { length: 36 }) dealerId: string;
  @Field(() => Int, { description: 'Current balance, never negative / 当前积分' }) @Column('int', { default: 0 }) balance: number;
  @Field() @UpdateDateColumn({ type: 'datetime' }) updatedAt: Date;
}
