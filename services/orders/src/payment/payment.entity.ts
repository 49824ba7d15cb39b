import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '@lianxiao/platform';

/** Money received from the customer against a contract (CNY, 2 decimals) / 回款. */
@ObjectType('Payment', { description: 'A payment received against a contract / 回款' })
@Entity('finance_payment')
@Index(['customerId', 'receivedOn'])
@Index(['region', 'receivedOn'])
export class Payment {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Index() @Column('varchar', { length: 36 }) contractId: string;
  @Field() @Column('varchar', { length: 16 }) contractNumber: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) customerId: string;
  @Field() @Column('varchar', { length: 16 }) region: string;
  @Column('varchar', { length: 36 }) ownerId: string;
  @Field(() => Float, { description: 'Yuan, 2 decimals' }) @Column('decimal', { precision: 14, scale: 2, transformer: decimalToNumber }) amount: number;
  @Field({ description: 'YYYY-MM-DD' }) @Column('varchar', { length: 10 }) receivedOn: string;
  @Field(() => String, { nullable: true, description: 'Bank reference / 银行流水号' }) @Column('varchar', { length: 64, nullable: true }) reference: string | null;
  @Index({ unique: true }) @Column('varchar', { length: 64 }) idempotencyKey: string;
  @Column('varchar', { length: 64 }) requestHash: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
}
