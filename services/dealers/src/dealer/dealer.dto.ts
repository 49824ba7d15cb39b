import { ArgsType, Field, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@lianxiao/platform';
import { Dealer } from './dealer.entity';

@ObjectType()
export class DealerConnection extends Connection(Dealer) {}

@ArgsType()
export class DealerListArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Code or name contains' }) search?: string;
  @Field(() => String, { nullable: true }) region?: string;
  @Field(() => String, { nullable: true, description: 'ACTIVE or SUSPENDED' }) status?: string;
}
