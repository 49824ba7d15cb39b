import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** The customers subgraph owns `Customer`; this service only adds `health` (no other fields). */
@ObjectType('Customer')
@Directive('@key(fields: "id")')
export class CustomerRef {
  @Field(() => ID) id: string;
}
