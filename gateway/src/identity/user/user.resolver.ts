import { Args, Context, ID, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Like, Repository } from 'typeorm';
import {
  alignByKey, Allow, Authenticated, Caller, ConnectionShape, CurrentCaller, DomainError, pageWindow, PageArgs,
  requestLoader, RequestContext, Role, toConnection, Connection,
} from '@lianxiao/platform';
import { ObjectType } from '@nestjs/graphql';
import { DealerReference, User } from './user.entity';

@ObjectType()
export class UserConnection extends Connection(User) {}

/** Dealer staff may see only themselves; HQ staff see colleagues (names, roles, regions). */
function visibleTo(caller: Caller | null, user: User | null): User | null {
  if (!caller || !user) return null;
  if (caller.roles.includes(Role.DEALER) && user.id !== caller.userId) return null;
  return user;
}

@Resolver(() => User)
export class UserResolver {
  constructor(@InjectRepository(User) private readonly userRepo: Repository<User>) {}

  @Query(() => User, { description: 'The signed-in user / 当前用户' })
  @Authenticated()
  async me(@CurrentCaller() caller: Caller): Promise<User> {
    const user = await this.userRepo.findOneBy({ id: caller.userId });
    if (!user) throw DomainError.unauthenticated();
    return user;
  }

  @Query(() => UserConnection, { description: 'Users (admin and director) / 用户列表' })
  @Allow(Role.ADMIN, Role.DIRECTOR)
  async users(
    @Args() page: PageArgs,
    @Args('search', { type: () => String, nullable: true, description: 'Part of the username or name' }) search?: string | null,
  ): Promise<ConnectionShape<User>> {
    const window = pageWindow(page, 50);
    // LIKE wildcards are dropped rather than escaped: SQLite and MariaDB escape differently.
    const term = (search ?? '').replace(/[\\%_]/g, '').trim().slice(0, 64);
    const where = term ? [{ username: Like(`%${term}%`) }, { displayName: Like(`%${term}%`) }] : {};
    const [nodes, total] = await this.userRepo.findAndCount({ where, order: { username: 'ASC' }, skip: window.skip, take: window.take });
    return toConnection(nodes, total, window);
  }

  @ResolveField(() => DealerReference, { nullable: true, description: 'The dealer this user works for' })
  @Authenticated()
  dealer(@Parent() user: User): DealerReference | null {
    return user.dealerId ? { id: user.dealerId } : null;
  }

  @ResolveField(() => Boolean, { description: 'Locked by an administrator or after failed sign-ins / 已锁定' })
  @Authenticated()
  locked(@Parent() user: User): boolean {
    return !!user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now();
  }

  @ResolveReference()
  @Authenticated()
  async resolveReference(@Parent() ref: { id: string }, @Context() ctx: RequestContext): Promise<User | null> {
    const user = await requestLoader<string, User | null>(ctx, 'user-by-id', async (ids) =>
      alignByKey(ids, await this.userRepo.findBy({ id: In([...ids]) }), (u) => u.id),
    ).load(ref.id);
    return visibleTo(ctx.caller, user);
  }

  @Query(() => User, { nullable: true, description: 'One user by id / 单个用户' })
  @Authenticated()
  async user(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<User | null> {
    return visibleTo(caller, await this.userRepo.findOneBy({ id }));
  }
}
