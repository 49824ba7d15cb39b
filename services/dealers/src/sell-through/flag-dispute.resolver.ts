import { Args, ArgsType, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, Caller, Connection, CurrentCaller, PageArgs, Role } from '@lianxiao/platform';
import { FlagDispute } from './flag-dispute.entity';
import { FlagDisputeService } from './flag-dispute.service';

@ObjectType()
export class FlagDisputeConnection extends Connection(FlagDispute) {}

@InputType({ description: 'Dispute a 窜货 flag / 窜货申诉' })
export class DisputeCrossRegionFlagInput {
  @Field(() => ID) receiptId: string;
  @Field({ description: '5–1000 characters' }) comment: string;
  @Field(() => String, { nullable: true, description: 'Evidence in words (waybill number, delivery note …)' }) evidenceNote?: string | null;
  @Field(() => String, { nullable: true, description: 'Evidence photo, base64 JPEG/PNG ≤ 5 MB' }) evidenceImageBase64?: string | null;
  @Field(() => String, { nullable: true }) evidenceImageMimeType?: string | null;
}

@ArgsType()
export class FlagDisputeListArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'OPEN, UPHELD or DISMISSED' }) status?: string | null;
  @Field(() => ID, { nullable: true }) receiptId?: string | null;
}

@Resolver(() => FlagDispute)
export class FlagDisputeResolver {
  constructor(private readonly disputes: FlagDisputeService) {}

  @Mutation(() => FlagDispute, { description: 'Dealer staff dispute a 窜货 flag on their own receipt / 窜货申诉' })
  @Allow(Role.DEALER)
  disputeCrossRegionFlag(@CurrentCaller() caller: Caller, @Args('input') input: DisputeCrossRegionFlagInput): Promise<FlagDispute> {
    return this.disputes.dispute(caller, input);
  }

  @Mutation(() => FlagDispute, { description: 'HQ decides a dispute: UPHELD (flag stands) or DISMISSED (flag cleared) / 申诉裁定' })
  @Allow(Role.ADMIN, Role.DIRECTOR)
  decideFlagDispute(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('decision', { description: 'UPHELD or DISMISSED' }) decision: string,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<FlagDispute> {
    return this.disputes.decide(caller, id, decision, note);
  }

  @Query(() => FlagDisputeConnection, { description: 'Disputes of 窜货 flags: dealer staff their own, HQ all / 窜货申诉' })
  @Authenticated()
  flagDisputes(@CurrentCaller() caller: Caller, @Args() args: FlagDisputeListArgs): Promise<FlagDisputeConnection> {
    return this.disputes.list(caller, args);
  }
}
