import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: "A new account of the caller's own dealer (role DEALER) / 新建本经销商账号" })
export class CreateMyDealerUserInput {
  @Field({ description: '3–64 of a-z 0-9 . _ -' }) username: string;
  @Field() displayName: string;
  @Field({ description: 'Initial password, 8–128 characters' }) password: string;
}
