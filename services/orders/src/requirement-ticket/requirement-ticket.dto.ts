import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@lianxiao/platform';
import { RequirementTicket, RequirementTicketStatus, RequirementUrgency } from './requirement-ticket.entity';

@ObjectType()
export class RequirementTicketConnection extends Connection(RequirementTicket) {}

@ArgsType()
export class RequirementTicketListArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only this customer's tickets" }) customerId?: string;
  @Field(() => RequirementTicketStatus, { nullable: true }) status?: RequirementTicketStatus;
}

@InputType({ description: 'A new requirement ticket; with submit: true all 12 spec fields are required / 新建需求工单' })
export class CreateRequirementTicketInput {
  @Field(() => ID) customerId: string;
  @Field(() => ID, { nullable: true, description: 'Owning rep; reps always own their tickets. Default: the caller' }) ownerId?: string | null;
  @Field(() => String, { nullable: true, description: "Customer's region; reps and supervisors default to their own" }) region?: string | null;
  @Field(() => RequirementUrgency, { defaultValue: RequirementUrgency.NORMAL }) urgency: RequirementUrgency;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) requestedDeliveryDate?: string | null;
  @Field(() => Boolean, { defaultValue: false, description: 'Submit now (all spec fields required) instead of saving a draft' }) submit: boolean;

  @Field(() => String, { nullable: true }) material?: string | null;
  @Field(() => String, { nullable: true }) tolerance?: string | null;
  @Field(() => String, { nullable: true }) surfaceTreatment?: string | null;
  @Field(() => String, { nullable: true }) dimensions?: string | null;
  @Field(() => Int, { nullable: true }) quantity?: number | null;
  @Field(() => String, { nullable: true }) hardness?: string | null;
  @Field(() => String, { nullable: true }) unitWeight?: string | null;
  @Field(() => String, { nullable: true }) packaging?: string | null;
  @Field(() => String, { nullable: true }) certificationStandard?: string | null;
  @Field(() => String, { nullable: true }) inspectionStandard?: string | null;
  @Field(() => String, { nullable: true }) colour?: string | null;
  @Field(() => String, { nullable: true }) craftNotes?: string | null;
}

@InputType({ description: 'Spec fields to change; omitted fields keep their value / 修改技术规格' })
export class UpdateRequirementTicketSpecInput {
  @Field(() => String, { nullable: true }) material?: string | null;
  @Field(() => String, { nullable: true }) tolerance?: string | null;
  @Field(() => String, { nullable: true }) surfaceTreatment?: string | null;
  @Field(() => String, { nullable: true }) dimensions?: string | null;
  @Field(() => Int, { nullable: true }) quantity?: number | null;
  @Field(() => String, { nullable: true }) hardness?: string | null;
  @Field(() => String, { nullable: true }) unitWeight?: string | null;
  @Field(() => String, { nullable: true }) packaging?: string | null;
  @Field(() => String, { nullable: true }) certificationStandard?: string | null;
  @Field(() => String, { nullable: true }) inspectionStandard?: string | null;
  @Field(() => String, { nullable: true }) colour?: string | null;
  @Field(() => String, { nullable: true }) craftNotes?: string | null;
}
