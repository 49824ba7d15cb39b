import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Caller, ConnectionShape, DomainError, newId, PageArgs, pageWindow, renderPdf, toConnection } from '@lianxiao/platform';
import { CustomerRecord } from '../customer-ref/customer-record.entity';
import { CRAFT_NOTES_RULE, mayReadField } from '../access/field-visibility';
import { agreementPdfDocument } from './agreement-pdf';
import { recordEngineeringAction } from '../department-task/task-split';
import { RequirementTicket, RequirementTicketStatus } from '../requirement-ticket/requirement-ticket.entity';
import { RequirementTicketService, specOfTicket } from '../requirement-ticket/requirement-ticket.service';
import { SPEC_FIELDS } from '../requirement-ticket/technical-spec';
import { diffSnapshots, isSpecFieldKey, SpecFieldChange, specSnapshot } from './agreement-diff';
import { ReviewComment } from './review-comment.entity';
import { AgreementStatus, TechnicalAgreement } from './technical-agreement.entity';

const MAX_COMMENT = 1000;

function assertComment(comment: string | null | undefined, required: boolean): string | null {
  const text = comment?.trim() ?? '';
  if (!text && required) throw DomainError.validation([{ field: 'comment', messageZh: '请填写意见', messageEn: 'comment is required' }]);
  if (text.length > MAX_COMMENT) {
    throw DomainError.validation([{ field: 'comment', messageZh: `意见不能超过 ${MAX_COMMENT} 个字符`, messageEn: `comment must be at most ${MAX_COMMENT} characters` }]);
  }
  return text || null;
}

function requiredComment(comment: string | null | undefined): string {
  return assertComment(comment, true) ?? '';
}

function assertFieldKey(field: string): void {
  if (!isSpecFieldKey(field)) {
    throw DomainError.validation([
      { field: 'field', messageZh: `未知的技术规格字段：${field}`, messageEn: `Unknown spec field: ${field} (one of ${SPEC_FIELDS.map((f) => f.key).join(', ')})` },
    ]);
  }
}

@Injectable()
export class ReviewService {
  constructor(
    @InjectRepository(ReviewComment) private readonly comments: Repository<ReviewComment>,
    @InjectRepository(TechnicalAgreement) private readonly agreements: Repository<TechnicalAgreement>,
    @InjectRepository(CustomerRecord) private readonly customers: Repository<CustomerRecord>,
    private readonly ticketService: RequirementTicketService,
  ) {}

  /** Versions waiting for legal review, oldest first (the legal queue). */
  async legalQueue(page: PageArgs): Promise<ConnectionShape<TechnicalAgreement>> {
    const window = pageWindow(page, 20);
    const [nodes, total] = await this.agreements.findAndCount({ where: { status: AgreementStatus.PENDING_LEGAL }, order: { createdAt: 'ASC', id: 'ASC' }, skip: window.skip, take: window.take });
    return toConnection(nodes, total, window);
  }

  /** The printable agreement version; craft notes printed for production supervisors (and admin) only. */
  async agreementPdf(caller: Caller, agreementId: string): Promise<{ fileName: string; mimeType: string; sizeBytes: number; contentBase64: string }> {
    const agreement = await this.agreements.findOneBy({ id: agreementId });
    if (!agreement) throw DomainError.notFound('Technical agreement', '技术协议', agreementId);
    const ticket = await this.ticketService.findForCaller(caller, agreement.ticketId).catch(() => {
      throw DomainError.notFound('Technical agreement', '技术协议', agreementId);
    });
    const customer = await this.customers.findOneBy({ id: ticket.customerId });
    const pdf = await renderPdf(
      agreementPdfDocument({
        ticketNumber: ticket.number, customerName: customer?.name ?? null, creditCode: customer?.creditCode ?? null, region: ticket.region, urgency: ticket.urgency,
        requestedDeliveryDate: ticket.requestedDeliveryDate, version: agreement.version, status: agreement.status, spec: agreement.spec,
        approvedAt: agreement.createdAt, legalReviewedAt: agreement.legalReviewedAt, legalComment: agreement.legalComment, showCraftNotes: mayReadField(caller, CRAFT_NOTES_RULE),
      }),
    );
    return { fileName: `技术协议-${ticket.number}-v${agreement.version}.pdf`, mimeType: 'application/pdf', sizeBytes: pdf.length, contentBase64: pdf.toString('base64') };
  }

  agreementsOf(ids: readonly string[]): Promise<TechnicalAgreement[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.agreements.find({ where: { id: In([...ids]) } });
  }

  async commentOnSpecField(caller: Caller, ticketId: string, field: string, comment: string): Promise<ReviewComment> {
    assertFieldKey(field);
    const text = requiredComment(comment);
    const ticket = await this.ticketService.findForCaller(caller, ticketId);
    const row = this.comments.create({ id: newId(), ticketId: ticket.id, field, comment: text, authorId: caller.userId, authorName: (caller.displayName ?? caller.username).slice(0, 64) });
    await this.comments.manager.transaction(async (tx) => {
      await tx.getRepository(ReviewComment).insert(row);
      await recordEngineeringAction(tx, ticket.id, caller.userId, false, null);
    });
    return this.comments.findOneByOrFail({ id: row.id });
  }

  commentsOf(ticketIds: readonly string[]): Promise<ReviewComment[]> {
    if (!ticketIds.length) return Promise.resolve([]);
    return this.comments.find({ where: { ticketId: In([...ticketIds]) }, order: { createdAt: 'ASC' } });
  }

  /** Sends a submitted ticket back to sales with the fields to change marked (and commented). */
  async requestSpecChanges(caller: Caller, ticketId: string, fields: string[], comment: string): Promise<RequirementTicket> {
    const unique = [...new Set(fields)];
    if (!unique.length) throw DomainError.validation([{ field: 'fields', messageZh: '请至少标记一个字段', messageEn: 'mark at least one field' }]);
    unique.forEach(assertFieldKey);
    const text = requiredComment(comment);
    const ticket = await this.submittedTicket(caller, ticketId);
    await this.comments.manager.transaction(async (tx) => {
      const moved = await tx
        .getRepository(RequirementTicket)
        .update({ id: ticket.id, status: RequirementTicketStatus.SUBMITTED }, { status: RequirementTicketStatus.CHANGES_REQUESTED, changesRequestedFields: unique, changesRequestedComment: text });
      if (!moved.affected) throw DomainError.conflict('工单状态已变化，请刷新', 'The ticket changed meanwhile; reload it');
      const author = (caller.displayName ?? caller.username).slice(0, 64);
      await tx.getRepository(ReviewComment).insert(unique.map((field) => ({ id: newId(), ticketId: ticket.id, field, comment: text, authorId: caller.userId, authorName: author })));
      await recordEngineeringAction(tx, ticket.id, caller.userId, true, `changes requested: ${unique.join(', ')}`);
    });
    return this.ticketService.findForCaller(caller, ticket.id);
  }

  /** Approves the spec: the ticket is APPROVED and the next agreement version is frozen from it. */
  async approveSpec(caller: Caller, ticketId: string): Promise<TechnicalAgreement> {
    const ticket = await this.submittedTicket(caller, ticketId);
    const id = newId();
    await this.agreements.manager.transaction(async (tx) => {
      const moved = await tx.getRepository(RequirementTicket).update({ id: ticket.id, status: RequirementTicketStatus.SUBMITTED }, { status: RequirementTicketStatus.APPROVED });
      if (!moved.affected) throw DomainError.conflict('工单状态已变化，请刷新', 'The ticket changed meanwhile; reload it');
      const last = await tx.getRepository(TechnicalAgreement).findOne({ where: { ticketId: ticket.id }, order: { version: 'DESC' } });
      await tx.getRepository(TechnicalAgreement).insert({
        id,
        ticketId: ticket.id,
        version: (last?.version ?? 0) + 1,
        status: AgreementStatus.PENDING_LEGAL,
        spec: specSnapshot(specOfTicket(ticket)),
        approvedBy: caller.userId,
        legalReviewedBy: null,
        legalReviewedAt: null,
        legalComment: null,
      });
      await recordEngineeringAction(tx, ticket.id, caller.userId, true, 'spec approved');
    });
    return this.agreements.findOneByOrFail({ id });
  }

  async versions(caller: Caller, ticketId: string): Promise<TechnicalAgreement[]> {
    const ticket = await this.ticketService.findForCaller(caller, ticketId);
    return this.agreements.find({ where: { ticketId: ticket.id }, order: { version: 'ASC' } });
  }

  async diff(caller: Caller, ticketId: string, from: number, to: number): Promise<SpecFieldChange[]> {
    const versions = await this.versions(caller, ticketId);
    const a = versions.find((v) => v.version === from);
    const b = versions.find((v) => v.version === to);
    if (!a) throw DomainError.notFound('Agreement version', '协议版本', `v${from}`);
    if (!b) throw DomainError.notFound('Agreement version', '协议版本', `v${to}`);
    return diffSnapshots(a.spec, b.spec);
  }

  async legalReview(caller: Caller, agreementId: string, approve: boolean, comment: string | null | undefined): Promise<TechnicalAgreement> {
    const text = assertComment(comment, !approve);
    const moved = await this.agreements.update(
      { id: agreementId, status: AgreementStatus.PENDING_LEGAL },
      { status: approve ? AgreementStatus.APPROVED : AgreementStatus.REJECTED, legalReviewedBy: caller.userId, legalReviewedAt: new Date(), legalComment: text },
    );
    if (!moved.affected) {
      const exists = await this.agreements.findOneBy({ id: agreementId });
      if (!exists) throw DomainError.notFound('Technical agreement', '技术协议', agreementId);
      throw DomainError.conflict('该协议版本已审核', 'This agreement version has already been reviewed');
    }
    return this.agreements.findOneByOrFail({ id: agreementId });
  }

  private async submittedTicket(caller: Caller, ticketId: string): Promise<RequirementTicket> {
    const ticket = await this.ticketService.findForCaller(caller, ticketId);
    if (ticket.status !== RequirementTicketStatus.SUBMITTED) {
      throw DomainError.conflict('只能评审已提交的工单', 'Only a submitted ticket can be reviewed');
    }
    return ticket;
  }
}
