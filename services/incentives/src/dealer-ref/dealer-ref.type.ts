import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** The dealers subgraph owns `Dealer`; this service only adds fields (no others, or composition clashes). */
@ObjectType('Dealer')
@Directive('@key(fields: "id")')
export class DealerRef {
  @Field(() => ID) id: string;
}
