import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@lianxiao/platform';
import { Contract } from './contract.entity';

@ObjectType()
export class ContractConnection extends Connection(Contract) {}

@ArgsType()
export class ContractListArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only this customer's contracts" }) customerId?: string;
}
