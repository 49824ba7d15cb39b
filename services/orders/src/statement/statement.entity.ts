import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '@lianxiao/platform';

export enum StatementStatus {
  SENT = 'SENT',
  NOT_SENT = 'NOT_SENT',
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  DISPUTED = 'DISPUTED',
}
registerEnumType(StatementStatus, {
  name: 'StatementStatus',
  description: 'PENDING 待发送 / SENT 已发送待确认 / NOT_SENT 邮件未发出 / CONFIRMED 客户已确认 / DISPUTED 客户有异议',
});

@ObjectType('StatementLine', { description: 'One invoice or payment on a statement / 对账明细' })
export class StatementLine {
  @Field({ description: 'YYYY-MM-DD' }) date: string;
  @Field({ description: 'INVOICE or PAYMENT' }) kind: string;
  @Field({ description: 'Invoice number or bank reference' }) reference: string;
  @Field() contractNumber: string;
  @Field(() => Float) amount: number;
}

/** A customer's monthly statement: opening balance + invoices − payments = closing balance / 月度对账单. */
@ObjectType('Statement', { description: 'Monthly customer statement / 月度对账单' })
@Entity('finance_statement')
@Index(['customerId', 'month'], { unique: true })
@Index(['month'])
export class Statement {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field({ description: 'ST-202610-xxxxxx' }) @Column('varchar', { length: 24 }) number: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) customerId: string;
  @Field() @Column('varchar', { length: 100 }) customerName: string;
  @Field() @Column('varchar', { length: 16 }) region: string;
  @Field({ description: 'YYYY-MM' }) @Column('varchar', { length: 7 }) month: string;
  @Field(() => Float) @Column('decimal', { precision: 14, scale: 2, transformer: decimalToNumber }) openingBalance: number;
  @Field(() => Float) @Column('decimal', { precision: 14, scale: 2, transformer: decimalToNumber }) invoicedAmount: number;
  @Field(() => Float) @Column('decimal', { precision: 14, scale: 2, transformer: decimalToNumber }) paidAmount: number;
  @Field(() => Float, { description: 'opening + invoiced − paid (positive = customer owes us)' })
  @Column('decimal', { precision: 14, scale: 2, transformer: decimalToNumber })
  closingBalance: number;
  @Field(() => [StatementLine]) @Column('simple-json') lines: StatementLine[];
  @Field(() => StatementStatus) @Column('varchar', { length: 12 }) status: StatementStatus;
  @Field({ description: "The customer's finance contact it was mailed to" }) @Column('varchar', { length: 200 }) emailTo: string;
  @Field(() => String, { nullable: true, description: 'Why the mail did not go out' }) @Column('varchar', { length: 300, nullable: true }) mailError: string | null;
  @Field(() => Date, { nullable: true }) @Column('datetime', { nullable: true }) sentAt: Date | null;
  /** SHA-256 of the confirmation token in the mailed link (the token itself is never stored). */
  @Index({ unique: true }) @Column('varchar', { length: 64 }) tokenHash: string;
  @Field(() => Float, { nullable: true, description: 'Figure the customer confirmed or disputed with' })
  @Column('decimal', { precision: 14, scale: 2, nullable: true, transformer: decimalToNumber })
  customerAmount: number | null;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 500, nullable: true }) customerComment: string | null;
  @Field(() => Date, { nullable: true }) @Column('datetime', { nullable: true }) respondedAt: Date | null;
  @Field({ description: 'SCHEDULE or the user id who asked' }) @Column('varchar', { length: 36 }) generatedBy: string;
  @Field() @CreateDateColumn({ type: 'datetime' }) generatedAt: Date;
}
