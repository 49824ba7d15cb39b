import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/**
 * The customers subgraph owns `Customer`; this service only adds fields to it. Declaring any
 * field besides the key here would clash in composition.
 */
@ObjectType('Customer')
@Directive('@key(fields: "id")')
export class CustomerRef {
  @Field(() => ID) id: string;
}
