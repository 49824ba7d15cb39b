import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Caller, CurrentCaller, Role } from '@lianxiao/platform';
import { User } from './user.entity';
import { CreateMyDealerUserInput } from './dealer-user.dto';
import { DealerUserService } from './dealer-user.service';

/** A dealer's own accounts, managed by that dealer's staff: DEALER only, scoped to the caller's dealer. */
@Resolver(() => User)
export class DealerUserResolver {
  constructor(private readonly dealerUsers: DealerUserService) {}

  @Query(() => [User], { description: "The accounts of the caller's own dealer (dealer staff) / 本经销商账号" })
  @Allow(Role.DEALER)
  myDealerUsers(@CurrentCaller() caller: Caller): Promise<User[]> {
    return this.dealerUsers.list(caller);
  }

  @Mutation(() => User, { description: "Add an account to the caller's own dealer, always role DEALER (dealer staff) / 新建本经销商账号" })
  @Allow(Role.DEALER)
  createMyDealerUser(@CurrentCaller() caller: Caller, @Args('input') input: CreateMyDealerUserInput): Promise<User> {
    return this.dealerUsers.create(caller, input);
  }

  @Mutation(() => User, { description: "Lock (sessions end) or unlock an account of the caller's own dealer (dealer staff) / 锁定或解锁本经销商账号" })
  @Allow(Role.DEALER)
  setMyDealerUserLocked(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string, @Args('locked') locked: boolean): Promise<User> {
    return this.dealerUsers.setLocked(caller, id, locked);
  }
}
