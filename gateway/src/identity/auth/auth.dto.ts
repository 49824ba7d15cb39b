import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Tokens after sign-in / 登录令牌' })
export class AuthPayload {
  @Field() accessToken: string;
  @Field() refreshToken: string;
  @Field(() => Int, { description: 'Seconds until the access token expires' }) expiresIn: number;
}
