import { Directive, Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { decimalToNumber } from '@lianxiao/platform';

@ObjectType({ description: 'A customer in the sales pipeline: the single source of truth / 客户主数据' })
@Directive('@key(fields: "id")')
@Entity('customer')
export class Customer {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field() @Column('varchar', { length: 128 }) name: string;
  @Field({ description: '统一社会信用代码 (18 characters, GB 32100-2015)' }) @Index({ unique: true }) @Column('varchar', { length: 18 }) creditCode: string;
  @Field({ description: 'One of the industry pick list, e.g. 汽车零部件' }) @Column('varchar', { length: 32 }) industry: string;
  @Field({ description: 'Sales region, e.g. 华东' }) @Index() @Column('varchar', { length: 16 }) region: string;
  @Field(() => String, { nullable: true, description: 'GB/T 2260 province code' }) @Column('varchar', { length: 6, nullable: true }) provinceCode: string | null;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 32, nullable: true }) city: string | null;
  @Field({ description: 'First contact channel: PHONE, TRADE_SHOW or REFERRAL' }) @Column('varchar', { length: 16 }) channel: string;
  @Field(() => [String]) @Column('simple-json') productLines: string[];
  @Field(() => ID) @Index() @Column('varchar', { length: 36 }) ownerId: string;
  @Field(() => String, { nullable: true, description: 'Owner display name, copied when the owner is set' }) @Column('varchar', { length: 64, nullable: true }) ownerName: string | null;
  @Field({ description: 'Current stage code, e.g. SAMPLING' }) @Index() @Column('varchar', { length: 16 }) stage: string;
  @Field({ description: 'Current node code inside the stage, e.g. SAMPLE_SENT' }) @Column('varchar', { length: 32 }) node: string;
  @Field() @Column('datetime', { precision: 3 }) stageEnteredAt: Date;
  @Field() @Index() @Column('datetime') lastInteractionAt: Date;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) @Column({ type: 'date', nullable: true, utc: true }) nextActionDate: string | null;
  @Field(() => Float, { description: 'Valid contract amount in CNY' }) @Column('decimal', { precision: 14, scale: 2, default: 0, transformer: decimalToNumber }) contractedAmount: number;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 32, nullable: true }) phone: string | null;
  @Field({ description: 'Pinyin initials of the name, for search (苏州华恒… → szhh…)' }) @Index() @Column('varchar', { length: 128 }) namePinyinInitials: string;
  @Field(() => ID, { nullable: true, description: 'Set when this customer was merged into another (a tombstone); the survivor’s id / 已合并到' }) @Index() @Column('varchar', { length: 36, nullable: true }) mergedIntoId?: string | null;
  @Field(() => Date, { nullable: true, description: 'Set when the customer was archived as stale / 归档时间' }) @Column('datetime', { nullable: true }) archivedAt?: Date | null;
  @Field() @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'datetime' }) updatedAt: Date;
}
