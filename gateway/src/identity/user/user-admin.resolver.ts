import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, Caller, CurrentCaller, Role } from '@lianxiao/platform';
import { User } from './user.entity';
import { CreateUserInput, UserAccessInput } from './user-admin.dto';
import { UserAdminService } from './user-admin.service';

/** User administration: ADMIN only; each mutation is audited (identityAuditLog). */
@Resolver(() => User)
export class UserAdminResolver {
  constructor(private readonly admin: UserAdminService) {}

  @Mutation(() => User, { description: 'Create a user (admin) / 新建用户' })
  @Allow(Role.ADMIN)
  createUser(@Args('input') input: CreateUserInput): Promise<User> {
    return this.admin.create(input);
  }

  @Mutation(() => User, { description: 'Set roles, region, reporting line and dealer (admin) / 分配角色、区域、上级和经销商' })
  @Allow(Role.ADMIN)
  updateUserAccess(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string, @Args('input') input: UserAccessInput): Promise<User> {
    return this.admin.updateAccess(caller, id, input);
  }

  @Mutation(() => User, { description: 'Set a new password; open sessions end (admin) / 重置密码' })
  @Allow(Role.ADMIN)
  resetUserPassword(@Args('id', { type: () => ID }) id: string, @Args('newPassword') newPassword: string): Promise<User> {
    return this.admin.resetPassword(id, newPassword);
  }

  @Mutation(() => User, { description: 'Lock (sessions end) or unlock an account (admin) / 锁定或解锁账号' })
  @Allow(Role.ADMIN)
  setUserLocked(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string, @Args('locked') locked: boolean): Promise<User> {
    return this.admin.setLocked(caller, id, locked);
  }
}
