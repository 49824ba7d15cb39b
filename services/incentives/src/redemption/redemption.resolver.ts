import { Args, ArgsType, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, Caller, Connection, CurrentCaller, PageArgs, Role } from '@lianxiao/platform';
import { RedemptionItem } from './redemption-item.entity';
import { Redemption } from './redemption.entity';
import { RedemptionService } from './redemption.service';

@ObjectType()
export class RedemptionConnection extends Connection(Redemption) {}

@ObjectType({ description: 'What redeemPoints did / 兑换结果' })
export class RedeemPointsResult {
  @Field(() => Redemption) redemption: Redemption;
  @Field({ description: 'True when the idempotency key was seen before: nothing new happened' }) replayed: boolean;
}

@ArgsType()
export class RedemptionListArgs extends PageArgs {
  @Field(() => ID) dealerId: string;
}

@InputType({ description: 'A catalogue line, matched by code / 兑换物料' })
export class SaveRedemptionItemInput {
  @Field() code: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field() unit: string;
  @Field(() => Int) pointsCost: number;
  @Field(() => Int) stock: number;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}

@Resolver()
export class RedemptionResolver {
  constructor(private readonly redemption: RedemptionService) {}

  @Query(() => [RedemptionItem], { description: 'Marketing materials dealers can redeem points for / 积分兑换目录' })
  @Authenticated()
  redemptionItems(@Args('includeInactive', { type: () => Boolean, nullable: true }) includeInactive?: boolean | null): Promise<RedemptionItem[]> {
    return this.redemption.catalogue(Boolean(includeInactive));
  }

  @Query(() => RedemptionConnection, { description: "A dealer's redemptions, newest first: dealer staff their own, HQ any / 兑换记录" })
  @Authenticated()
  redemptions(@CurrentCaller() caller: Caller, @Args() args: RedemptionListArgs): Promise<RedemptionConnection> {
    return this.redemption.list(caller, args);
  }

  @Mutation(() => RedeemPointsResult, { description: 'Dealer staff redeem points for catalogue items; one transaction, never overdraws / 积分兑换' })
  @Allow(Role.DEALER)
  redeemPoints(
    @CurrentCaller() caller: Caller,
    @Args('itemId', { type: () => ID }) itemId: string,
    @Args('quantity', { type: () => Int }) quantity: number,
    @Args('idempotencyKey') idempotencyKey: string,
  ): Promise<RedeemPointsResult> {
    return this.redemption.redeem(caller, { itemId, quantity, idempotencyKey });
  }

  @Mutation(() => RedemptionItem, { description: 'HQ adds or edits a catalogue line / 维护兑换物料' })
  @Allow(Role.ADMIN, Role.DIRECTOR)
  saveRedemptionItem(@Args('input') input: SaveRedemptionItemInput): Promise<RedemptionItem> {
    return this.redemption.saveItem(input);
  }
}
