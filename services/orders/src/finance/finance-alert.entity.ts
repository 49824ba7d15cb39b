import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '@lianxiao/platform';

export enum FinanceAlertKind {
  STATEMENT_DEVIATION = 'STATEMENT_DEVIATION',
  STATEMENT_DISPUTED = 'STATEMENT_DISPUTED',
}
registerEnumType(FinanceAlertKind, { name: 'FinanceAlertKind', description: 'STATEMENT_DEVIATION 确认金额偏差 > 5% / STATEMENT_DISPUTED 客户提出异议' });

/** Something finance must look at: a customer confirmed a figure > 5% off ours, or disputed a statement. */
@ObjectType('FinanceAlert', { description: 'Finance alert / 财务预警' })
@Entity('finance_alert')
@Index(['createdAt'])
export class FinanceAlert {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => FinanceAlertKind) @Column('varchar', { length: 24 }) kind: FinanceAlertKind;
  @Field(() => ID) @Index() @Column('varchar', { length: 36 }) statementId: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) customerId: string;
  @Field() @Column('varchar', { length: 100 }) customerName: string;
  @Field() @Column('varchar', { length: 16 }) region: string;
  @Field({ description: 'YYYY-MM' }) @Column('varchar', { length: 7 }) month: string;
  @Field(() => Float, { description: 'Our closing balance' }) @Column('decimal', { precision: 14, scale: 2, transformer: decimalToNumber }) ourAmount: number;
  @Field(() => Float) @Column('decimal', { precision: 14, scale: 2, transformer: decimalToNumber }) customerAmount: number;
  @Field(() => Float, { nullable: true, description: '(customer − ours) / |ours|, e.g. 0.06; null when ours is 0' })
  @Column('decimal', { precision: 9, scale: 4, nullable: true, transformer: decimalToNumber })
  deviation: number | null;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 500, nullable: true }) comment: string | null;
  @Field() @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
}
