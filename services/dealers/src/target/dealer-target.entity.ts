import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { decimalToNumber } from '@lianxiao/platform';

@ObjectType({ description: "A dealer's annual sales target, set by HQ / 经销商年度目标" })
@Entity('dealer_target')
@Index('UQ_dealer_target_dealer_year', ['dealerId', 'year'], { unique: true })
export class DealerTarget {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) dealerId: string;
  @Field(() => Int) @Column('int') year: number;
  @Field(() => Float, { description: 'Annual target, CNY' }) @Column('decimal', { precision: 14, scale: 2, transformer: decimalToNumber }) annualAmount: number;
  @Field(() => String, { nullable: true, description: 'User id of who set it (HQ)' }) @Column('varchar', { length: 36, nullable: true }) setBy: string | null;
  @Field() @UpdateDateColumn() updatedAt: Date;
}

@ObjectType({ description: 'One quarter or month of a split target / 目标分解' })
@Entity('dealer_target_split')
@Index('UQ_dealer_target_split_period', ['dealerId', 'year', 'period'], { unique: true })
export class DealerTargetSplit {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) dealerId: string;
  @Field(() => Int) @Column('int') year: number;
  @Field({ description: "'Q1'..'Q4' or 'M01'..'M12'" }) @Column('varchar', { length: 3 }) period: string;
  @Field(() => Float) @Column('decimal', { precision: 14, scale: 2, transformer: decimalToNumber }) amount: number;
}
