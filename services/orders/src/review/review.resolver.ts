import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, Caller, CurrentCaller, groupByKey, HQ_ROLES, PageArgs, requestLoader, RequestContext, Role } from '@lianxiao/platform';
import { RequirementTicketService } from '../requirement-ticket/requirement-ticket.service';
import { CRAFT_NOTES_RULE, revealField } from '../access/field-visibility';
import { RequirementTicket } from '../requirement-ticket/requirement-ticket.entity';
import { SPEC_FIELDS } from '../requirement-ticket/technical-spec';
import { ReviewComment } from './review-comment.entity';
import { ReviewService } from './review.service';
import { AgreementPdf, FieldChange, SpecFieldValue, TechnicalAgreementConnection } from './review.types';
import { TechnicalAgreement } from './technical-agreement.entity';

/** Craft notes values answer null + FIELD_HIDDEN for everyone but production and admin. */
function guarded(ctx: RequestContext, field: string, value: string | null): string | null {
  return field === CRAFT_NOTES_RULE.field ? revealField(ctx.caller, CRAFT_NOTES_RULE, value) : value;
}

@Resolver(() => TechnicalAgreement)
export class ReviewResolver {
  constructor(
    private readonly reviewService: ReviewService,
    private readonly ticketService: RequirementTicketService,
  ) {}

  @Query(() => TechnicalAgreementConnection, { description: 'Agreement versions waiting for legal review, oldest first / 法务审核队列' })
  @Allow(Role.LEGAL, Role.DIRECTOR, Role.ADMIN)
  legalQueue(@Args() page: PageArgs): Promise<TechnicalAgreementConnection> {
    return this.reviewService.legalQueue(page);
  }

  @Query(() => AgreementPdf, { description: 'The printable agreement version (craft notes printed for production only) / 技术协议 PDF' })
  @Allow(...HQ_ROLES)
  agreementPdf(@CurrentCaller() caller: Caller, @Args('agreementId', { type: () => ID }) agreementId: string): Promise<AgreementPdf> {
    return this.reviewService.agreementPdf(caller, agreementId);
  }

  @ResolveField('ticket', () => RequirementTicket, { nullable: true, description: 'The requirement ticket of this version / 需求工单' })
  @Allow(...HQ_ROLES)
  ticket(@Parent() agreement: TechnicalAgreement, @Context() ctx: RequestContext): Promise<RequirementTicket | null> {
    return requestLoader<string, RequirementTicket | null>(ctx, 'agreement-ticket-by-id', async (ids) => {
      const tickets = await this.ticketService.findByIdsForCaller(ctx.caller, ids);
      return ids.map((id) => tickets.find((t) => t.id === id) ?? null);
    }).load(agreement.ticketId);
  }

  @Mutation(() => ReviewComment, { description: 'Comment on one spec field of a ticket / 针对字段的评审意见' })
  @Allow(Role.ENGINEER, Role.ADMIN)
  commentOnSpecField(
    @CurrentCaller() caller: Caller,
    @Args('ticketId', { type: () => ID }) ticketId: string,
    @Args('field') field: string,
    @Args('comment') comment: string,
  ): Promise<ReviewComment> {
    return this.reviewService.commentOnSpecField(caller, ticketId, field, comment);
  }

  @Mutation(() => TechnicalAgreement, { description: 'Approve the spec of a submitted ticket; generates the next agreement version / 技术评审通过' })
  @Allow(Role.ENGINEER, Role.ADMIN)
  approveSpec(@CurrentCaller() caller: Caller, @Args('ticketId', { type: () => ID }) ticketId: string): Promise<TechnicalAgreement> {
    return this.reviewService.approveSpec(caller, ticketId);
  }

  @Mutation(() => RequirementTicket, { description: 'Send the ticket back to sales with the fields to change / 退回修改' })
  @Allow(Role.ENGINEER, Role.ADMIN)
  requestSpecChanges(
    @CurrentCaller() caller: Caller,
    @Args('ticketId', { type: () => ID }) ticketId: string,
    @Args('fields', { type: () => [String] }) fields: string[],
    @Args('comment') comment: string,
  ): Promise<RequirementTicket> {
    return this.reviewService.requestSpecChanges(caller, ticketId, fields, comment);
  }

  @Query(() => [TechnicalAgreement], { description: "A ticket's technical agreement versions, v1 first / 技术协议版本" })
  @Allow(...HQ_ROLES)
  agreementVersions(@CurrentCaller() caller: Caller, @Args('ticketId', { type: () => ID }) ticketId: string): Promise<TechnicalAgreement[]> {
    return this.reviewService.versions(caller, ticketId);
  }

  @Query(() => [FieldChange], { description: 'Fields changed between two agreement versions / 协议版本差异' })
  @Allow(...HQ_ROLES)
  async agreementDiff(
    @CurrentCaller() caller: Caller,
    @Args('ticketId', { type: () => ID }) ticketId: string,
    @Args('from', { type: () => Int }) from: number,
    @Args('to', { type: () => Int }) to: number,
  ): Promise<FieldChange[]> {
    const changes = await this.reviewService.diff(caller, ticketId, from, to);
    return changes.map((c) => ({ field: c.field, labelZh: c.labelZh, labelEn: c.labelEn, rawBefore: c.before, rawAfter: c.after }));
  }

  @Mutation(() => TechnicalAgreement, { description: 'Legal approves an agreement version / 法务审核通过' })
  @Allow(Role.LEGAL)
  approveAgreement(@CurrentCaller() caller: Caller, @Args('agreementId', { type: () => ID }) agreementId: string): Promise<TechnicalAgreement> {
    return this.reviewService.legalReview(caller, agreementId, true, null);
  }

  @Mutation(() => TechnicalAgreement, { description: 'Legal rejects an agreement version with a comment / 法务驳回' })
  @Allow(Role.LEGAL)
  rejectAgreement(
    @CurrentCaller() caller: Caller,
    @Args('agreementId', { type: () => ID }) agreementId: string,
    @Args('comment') comment: string,
  ): Promise<TechnicalAgreement> {
    return this.reviewService.legalReview(caller, agreementId, false, comment);
  }

  @ResolveField('spec', () => [SpecFieldValue], { description: 'The frozen 12 spec fields (craft notes production/admin only)' })
  @Authenticated()
  spec(@Parent() agreement: TechnicalAgreement): SpecFieldValue[] {
    return SPEC_FIELDS.map((f) => {
      const v = agreement.spec?.[f.key];
      return { field: f.key, labelZh: f.labelZh, labelEn: f.labelEn, raw: v === null || v === undefined ? null : String(v) };
    });
  }
}

@Resolver(() => SpecFieldValue)
export class SpecFieldValueResolver {
  @ResolveField('value', () => String, { nullable: true })
  @Authenticated()
  value(@Parent() item: SpecFieldValue, @Context() ctx: RequestContext): string | null {
    return guarded(ctx, item.field, item.raw);
  }
}

@Resolver(() => FieldChange)
export class FieldChangeResolver {
  @ResolveField('before', () => String, { nullable: true })
  @Authenticated()
  before(@Parent() change: FieldChange, @Context() ctx: RequestContext): string | null {
    return guarded(ctx, change.field, change.rawBefore);
  }

  @ResolveField('after', () => String, { nullable: true })
  @Authenticated()
  after(@Parent() change: FieldChange, @Context() ctx: RequestContext): string | null {
    return guarded(ctx, change.field, change.rawAfter);
  }
}

@Resolver(() => RequirementTicket)
export class TicketReviewFieldsResolver {
  constructor(private readonly reviewService: ReviewService) {}

  @ResolveField('reviewComments', () => [ReviewComment], { description: 'Engineering comments per spec field / 评审意见' })
  @Allow(...HQ_ROLES)
  reviewComments(@Parent() ticket: RequirementTicket, @Context() ctx: RequestContext): Promise<ReviewComment[]> {
    return requestLoader<string, ReviewComment[]>(ctx, 'review-comments-by-ticket', async (ids) =>
      groupByKey(ids, await this.reviewService.commentsOf(ids), (c) => c.ticketId),
    ).load(ticket.id);
  }
}
