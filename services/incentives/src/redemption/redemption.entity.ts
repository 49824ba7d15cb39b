import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One redemption: the points ledger entry (`entryId`) and the stock decrement happened with it. */
@ObjectType({ description: 'A points redemption / 积分兑换记录' })
@Entity('redemption')
@Index(['dealerId', 'createdAt'])
export class Redemption {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) dealerId: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) itemId: string;
  @Field() @Column('varchar', { length: 32 }) itemCode: string;
  @Field() @Column('varchar', { length: 128 }) itemName: string;
  @Field(() => Int) @Column('int') quantity: number;
  @Field(() => Int, { description: 'Points deducted / 扣减积分' }) @Column('int') points: number;
  @Field(() => ID, { description: 'The ledger entry / 积分流水' }) @Column('varchar', { length: 36 }) entryId: string;
  @Field(() => Int, { description: 'Balance right after this redemption' }) @Column('int') balanceAfter: number;
  @Column('varchar', { length: 36 }) redeemedBy: string;
  @Field() @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
}
