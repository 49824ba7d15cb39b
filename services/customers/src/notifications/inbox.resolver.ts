import { Args, ArgsType, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, Caller, Connection, CurrentCaller, PageArgs, ConnectionShape } from '@lianxiao/platform';
import { InboxItem } from './inbox-item.entity';
import { InboxService } from './inbox.service';

@ObjectType()
export class InboxItemConnection extends Connection(InboxItem) {}

@ArgsType()
export class InboxArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only unread items' }) unreadOnly?: boolean | null;
  @Field(() => String, { nullable: true, description: 'ALERT or TASK' }) kind?: string | null;
}

/** Every signed-in user has their own inbox; nobody reads another user's. */
@Resolver(() => InboxItem)
export class InboxResolver {
  constructor(private readonly inbox: InboxService) {}

  @Query(() => InboxItemConnection, { description: 'My in-app inbox, newest first / 我的站内消息' })
  @Authenticated()
  alertInbox(@CurrentCaller() caller: Caller, @Args() args: InboxArgs): Promise<ConnectionShape<InboxItem>> {
    return this.inbox.list(caller.userId, args);
  }

  @Query(() => Int, { description: 'Unread items in my inbox (the badge) / 未读数' })
  @Authenticated()
  alertInboxUnreadCount(@CurrentCaller() caller: Caller): Promise<number> {
    return this.inbox.unreadCount(caller.userId);
  }

  @Mutation(() => Int, { description: 'Marks my inbox items read (all of them when ids is omitted); returns how many changed / 标记已读' })
  @Authenticated()
  markInboxRead(@CurrentCaller() caller: Caller, @Args('ids', { type: () => [ID], nullable: true }) ids?: string[] | null): Promise<number> {
    return this.inbox.markRead(caller.userId, ids ?? null);
  }
}
