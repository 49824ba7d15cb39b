import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@lianxiao/platform';
import { Customer } from '../customer';
import { CustomerMerge } from './customer-merge.entity';

@ObjectType({ description: 'Why two customers look like the same company / 疑似重复原因' })
export class DuplicateReason {
  @Field({ description: 'CREDIT_CODE, NAME, NAME_CORE or PHONE' }) code: string;
  @Field() messageZh: string;
  @Field() messageEn: string;
}

@ObjectType({ description: 'Two customers that may be the same company / 疑似重复客户' })
export class DuplicateCandidate {
  @Field({ description: 'Stable key of the pair' }) id: string;
  @Field(() => Float, { description: '0–1, higher = more likely the same' }) score: number;
  @Field(() => [DuplicateReason]) reasons: DuplicateReason[];
  @Field(() => ID, { description: 'Who would survive a merge (latest interaction, then larger contract amount)' }) survivorId: string;
  @Field(() => [Customer], { description: 'The two customers, survivor first' }) customers: Customer[];
}

@ObjectType()
export class DuplicateCandidateConnection extends Connection(DuplicateCandidate) {}

@ArgsType()
export class DuplicateCandidateArgs extends PageArgs {
  @Field(() => Float, { nullable: true, description: 'Lowest score listed (default 0.5)' }) minScore?: number;
  @Field(() => String, { nullable: true, description: 'Only this region (HQ); supervisors always see their own' }) region?: string;
  @Field(() => ID, { nullable: true, description: 'Only pairs that include this customer' }) customerId?: string;
}

@ObjectType({ description: 'How many rows moved to the survivor / 合并迁移数量' })
export class MergeMovedCounts {
  @Field(() => Int) followUps: number;
  @Field(() => Int) evidence: number;
  @Field(() => Int) contacts: number;
  @Field(() => Int) stageTransitions: number;
  @Field(() => Int) nodeCompletions: number;
}

@ObjectType()
export class CustomerMergeConnection extends Connection(CustomerMerge) {}

@ArgsType()
export class StaleCustomerArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'No follow-up and no signed contract for this many months (default 6, 1–60)' }) months?: number;
  @Field(() => String, { nullable: true }) region?: string;
}

@ObjectType()
export class StaleCustomerConnection extends Connection(Customer) {}
