import { Field, ID, InputType } from '@nestjs/graphql';

@InputType({ description: 'A new user (admin) / 新建用户' })
export class CreateUserInput {
  @Field({ description: '3–64 of a-z 0-9 . _ -' }) username: string;
  @Field() displayName: string;
  @Field({ description: 'Initial password, 8–128 characters' }) password: string;
  @Field(() => [String], { description: 'ADMIN, DIRECTOR, SUPERVISOR, REP, ENGINEER, PROCUREMENT, PRODUCTION, LEGAL, FINANCE, DEALER' }) roles: string[];
  @Field(() => String, { nullable: true, description: 'Sales region, e.g. 华东' }) region?: string | null;
  @Field(() => ID, { nullable: true, description: 'Reporting line: the supervisor or director' }) supervisorId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Dealer staff: the dealer' }) dealerId?: string | null;
}

@InputType({ description: 'Roles, region, reporting line and dealer of a user (admin) / 用户权限' })
export class UserAccessInput {
  @Field(() => String, { nullable: true }) displayName?: string | null;
  @Field(() => [String]) roles: string[];
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => ID, { nullable: true }) supervisorId?: string | null;
  @Field(() => ID, { nullable: true }) dealerId?: string | null;
}
