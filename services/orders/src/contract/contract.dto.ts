import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@lianxiao/platform';
import { Contract } from './contract.entity';

@ObjectType()
export class ContractConnection extends Connection(Contract) {}

@ArgsType()
export class ContractListArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only this customer's contracts" }) customerId?: string;
  @Field(() => ID, { nullable: true, description: "Only contracts from this requirement ticket" }) ticketId?: string;
}

@InputType({ description: 'A contract line / 合同明细' })
export class ContractLineInput {
  @Field() sku: string;
  @Field() partName: string;
  @Field(() => Int) quantity: number;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) requestedDeliveryDate?: string | null;
}

@InputType({ description: 'A contract from an approved technical agreement / 由已批准技术协议生成合同' })
export class CreateContractInput {
  @Field(() => ID) ticketId: string;
  @Field(() => ID) agreementId: string;
  @Field(() => Float) amount: number;
  @Field(() => Float, { description: '0–1' }) grossMargin: number;
  @Field({ defaultValue: 'CNY' }) currency: string;
  @Field() paymentTerms: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) firstPaymentDueDate?: string | null;
  @Field(() => [ContractLineInput]) lines: ContractLineInput[];
}
