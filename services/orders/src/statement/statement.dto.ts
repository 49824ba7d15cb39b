import { ArgsType, Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@lianxiao/platform';
import { Statement, StatementLine, StatementStatus } from './statement.entity';

@ArgsType()
export class StatementListArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'YYYY-MM' }) month?: string;
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => StatementStatus, { nullable: true }) status?: StatementStatus;
}

@ObjectType()
export class StatementConnection extends Connection(Statement) {}

@ObjectType({ description: 'A statement file, base64 / 对账单文件' })
export class StatementFile {
  @Field() filename: string;
  @Field() contentType: string;
  @Field({ description: 'File content, base64' }) base64: string;
}

@ObjectType({ description: 'What the customer sees behind the confirmation link (no login) / 客户确认页' })
export class StatementForCustomer {
  @Field() number: string;
  @Field() customerName: string;
  @Field() month: string;
  @Field(() => Float) openingBalance: number;
  @Field(() => Float) invoicedAmount: number;
  @Field(() => Float) paidAmount: number;
  @Field(() => Float) closingBalance: number;
  @Field(() => [StatementLine]) lines: StatementLine[];
  @Field(() => StatementStatus) status: StatementStatus;
  @Field(() => Float, { nullable: true }) customerAmount: number | null;
  @Field(() => String, { nullable: true }) customerComment: string | null;
  @Field(() => Date, { nullable: true }) respondedAt: Date | null;
}

@ObjectType({ description: 'The answer to a confirmation or dispute / 确认结果' })
export class StatementResponse {
  @Field(() => StatementForCustomer) statement: StatementForCustomer;
  @Field(() => Float, { nullable: true, description: '(customer − ours) / |ours|' }) deviation: number | null;
  @Field({ description: 'true when finance was alerted (deviation > 5% or a dispute)' }) alerted: boolean;
}
