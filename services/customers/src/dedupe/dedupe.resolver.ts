import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Caller, CurrentCaller, PageArgs, requestLoader, RequestContext, Role } from '@lianxiao/platform';
import { Customer } from '../customer';
import { CustomerMerge } from './customer-merge.entity';
import { CustomerMergeConnection, DuplicateCandidateArgs, DuplicateCandidateConnection, MergeMovedCounts, StaleCustomerArgs, StaleCustomerConnection } from './dedupe.dto';
import { DedupeService } from './dedupe.service';

/** Clean-up of the customer master is a supervisor's (own region), director's or admin's job. */
const CLEAN_UP_ROLES = [Role.SUPERVISOR, Role.DIRECTOR, Role.ADMIN];

@Resolver(() => CustomerMerge)
export class DedupeResolver {
  constructor(private readonly dedupe: DedupeService) {}

  @Query(() => DuplicateCandidateConnection, { description: 'Pairs of customers that look like the same company, best first / 疑似重复客户' })
  @Allow(...CLEAN_UP_ROLES)
  duplicateCandidates(@CurrentCaller() caller: Caller, @Args() args: DuplicateCandidateArgs): Promise<DuplicateCandidateConnection> {
    return this.dedupe.candidates(caller, args);
  }

  @Query(() => CustomerMergeConnection, { description: 'Merges, newest first / 合并记录' })
  @Allow(...CLEAN_UP_ROLES)
  customerMerges(@CurrentCaller() caller: Caller, @Args() args: PageArgs): Promise<CustomerMergeConnection> {
    return this.dedupe.merges(caller, args);
  }

  @Mutation(() => CustomerMerge, { description: 'Merges duplicates into the survivor (latest interaction, then larger contract amount) / 合并重复客户' })
  @Allow(...CLEAN_UP_ROLES)
  mergeCustomers(@CurrentCaller() caller: Caller, @Args('customerIds', { type: () => [ID] }) customerIds: string[]): Promise<CustomerMerge> {
    return this.dedupe.merge(caller, customerIds);
  }

  @Mutation(() => CustomerMerge, { description: 'Undoes a merge: moved rows go back, tombstones become customers again / 撤销合并' })
  @Allow(...CLEAN_UP_ROLES)
  undoCustomerMerge(@CurrentCaller() caller: Caller, @Args('mergeId', { type: () => ID }) mergeId: string): Promise<CustomerMerge> {
    return this.dedupe.undo(caller, mergeId);
  }

  @Query(() => StaleCustomerConnection, { description: 'Customers with no interaction and no signed contract for N months, oldest first / 沉睡客户' })
  @Allow(...CLEAN_UP_ROLES)
  staleCustomers(@CurrentCaller() caller: Caller, @Args() args: StaleCustomerArgs): Promise<StaleCustomerConnection> {
    return this.dedupe.stale(caller, args);
  }

  @Mutation(() => [Customer], { description: 'Archives customers from the stale list, all or nothing / 批量归档沉睡客户' })
  @Allow(...CLEAN_UP_ROLES)
  archiveStaleCustomers(
    @CurrentCaller() caller: Caller,
    @Args('customerIds', { type: () => [ID] }) customerIds: string[],
    @Args('months', { type: () => Int, defaultValue: 6 }) months: number,
  ): Promise<Customer[]> {
    return this.dedupe.archiveStale(caller, customerIds, months);
  }

  @Mutation(() => [Customer], { description: 'Brings archived customers back / 恢复已归档客户' })
  @Allow(...CLEAN_UP_ROLES)
  restoreArchivedCustomers(@CurrentCaller() caller: Caller, @Args('customerIds', { type: () => [ID] }) customerIds: string[]): Promise<Customer[]> {
    return this.dedupe.restoreArchived(caller, customerIds);
  }

  @ResolveField(() => Customer, { nullable: true, description: 'The surviving customer' })
  @Allow(...CLEAN_UP_ROLES)
  survivor(@Parent() merge: CustomerMerge, @Context() ctx: RequestContext): Promise<Customer | null> {
    return requestLoader<string, Customer | null>(ctx, 'merge-customers', async (ids) => this.dedupe.customersByIds(ids)).load(merge.survivorId);
  }

  @ResolveField(() => [Customer], { description: 'The merged customers (tombstones unless undone)' })
  @Allow(...CLEAN_UP_ROLES)
  async merged(@Parent() merge: CustomerMerge, @Context() ctx: RequestContext): Promise<Customer[]> {
    const loader = requestLoader<string, Customer | null>(ctx, 'merge-customers', async (ids) => this.dedupe.customersByIds(ids));
    return (await loader.loadMany(merge.mergedIds)).filter((c): c is Customer => !!c && !(c instanceof Error));
  }

  @ResolveField(() => MergeMovedCounts, { description: 'How many rows moved to the survivor' })
  @Allow(...CLEAN_UP_ROLES)
  moved(@Parent() merge: CustomerMerge, @Context() ctx: RequestContext): Promise<MergeMovedCounts> {
    return requestLoader<string, MergeMovedCounts>(ctx, 'merge-moved-counts', async (ids) => {
      const counts = await this.dedupe.movedCounts(ids);
      return ids.map((id) => counts.get(id)!);
    }).load(merge.id);
  }
}
