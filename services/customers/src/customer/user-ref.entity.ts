import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** The identity subgraph owns `User`; this subgraph only hands out references to it. */
@ObjectType('User')
@Directive('@key(fields: "id", resolvable: false)')
export class UserRef {
  @Field(() => ID) id: string;
}
