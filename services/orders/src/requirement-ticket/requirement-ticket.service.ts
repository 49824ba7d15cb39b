import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Caller, ConnectionShape, DomainError, ErrorDetail, hasRole, newId, pageWindow, Role, toConnection } from '@lianxiao/platform';
import { applyHqScope } from '../access/hq-scope';
import { CustomerRecord } from '../customer-ref/customer-record.entity';
import { newestPerCustomer } from '../customer-ref/newest-per-customer';
import { RequirementTicket, RequirementTicketStatus } from './requirement-ticket.entity';
import { CreateRequirementTicketInput, RequirementTicketListArgs, UpdateRequirementTicketSpecInput } from './requirement-ticket.dto';
import { assertSpecComplete, invalidSpecValues, SPEC_FIELDS, TechnicalSpecValues } from './technical-spec';
import { splitIntoDepartmentTasks } from '../department-task/task-split';
import { nextTicketNumber, TICKET_NUMBER_PREFIX, ticketOwnership } from './ticket-ownership';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER_ATTEMPTS = 5;

/** A unique-key violation on SQLite or MariaDB (here: two tickets took the same number). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT');
}

/** Statuses in which sales may still change the specification. */
const EDITABLE = new Set([RequirementTicketStatus.DRAFT, RequirementTicketStatus.CHANGES_REQUESTED, RequirementTicketStatus.APPROVED]);

export function specOfTicket(ticket: RequirementTicket): TechnicalSpecValues {
  const values: TechnicalSpecValues = {};
  for (const f of SPEC_FIELDS) (values as Record<string, unknown>)[f.key] = ticket[f.key];
  return values;
}

function specValuesOf(input: CreateRequirementTicketInput): TechnicalSpecValues {
  const values: TechnicalSpecValues = {};
  for (const f of SPEC_FIELDS) {
    if (f.key === 'quantity') values.quantity = input.quantity ?? null;
    else values[f.key] = input[f.key]?.trim() || null;
  }
  return values;
}

@Injectable()
export class RequirementTicketService {
  constructor(@InjectRepository(RequirementTicket) private readonly tickets: Repository<RequirementTicket>) {}

  async list(caller: Caller, args: RequirementTicketListArgs): Promise<ConnectionShape<RequirementTicket>> {
    const window = pageWindow(args, 20);
    const qb = applyHqScope(this.tickets.createQueryBuilder('t'), 't', caller);
    if (args.customerId) qb.andWhere('t.customerId = :customerId', { customerId: args.customerId });
    if (args.status) qb.andWhere('t.status = :status', { status: args.status });
    const [nodes, total] = await qb.orderBy('t.number', 'DESC').skip(window.skip).take(window.take).getManyAndCount();
    return toConnection(nodes, total, window);
  }

  async findForCaller(caller: Caller, id: string): Promise<RequirementTicket> {
    const [ticket] = await this.findByIdsForCaller(caller, [id]);
    if (!ticket) throw DomainError.notFound('Requirement ticket', '需求工单', id);
    return ticket;
  }

  findByIdsForCaller(caller: Caller | null, ids: readonly string[]): Promise<RequirementTicket[]> {
    if (!ids.length) return Promise.resolve([]);
    return applyHqScope(this.tickets.createQueryBuilder('t'), 't', caller).andWhere('t.id IN (:...ids)', { ids: [...ids] }).getMany();
  }

  /** The newest `perCustomer` tickets of each of many customers, in one query (Customer.requirementTickets for a page of customers). */
  newestOfCustomersForCaller(caller: Caller | null, customerIds: readonly string[], perCustomer: number): Promise<RequirementTicket[]> {
    return newestPerCustomer(this.tickets, RequirementTicket, caller, customerIds, perCustomer);
  }

  /**
   * Saves a draft, or submits when `input.submit`: a submission missing any spec field is refused
   * with SPEC_INCOMPLETE and nothing is written.
   */
  async create(caller: Caller, input: CreateRequirementTicketInput): Promise<RequirementTicket> {
    const spec = specValuesOf(input);
    const problems: ErrorDetail[] = invalidSpecValues(spec);
    if (!input.customerId?.trim()) problems.unshift({ field: 'customerId', messageZh: '请选择客户', messageEn: 'choose the customer' });
    if (input.requestedDeliveryDate && !DATE_ONLY.test(input.requestedDeliveryDate)) {
      problems.push({ field: 'requestedDeliveryDate', messageZh: '期望交期格式应为 YYYY-MM-DD', messageEn: 'requestedDeliveryDate must be YYYY-MM-DD' });
    }
    if (problems.length) throw DomainError.validation(problems);
    if (input.submit) assertSpecComplete(spec);
    // A ticket is for a customer orders knows (the read model fed by customers.customer-updated.v1).
    const known = await this.tickets.manager.getRepository(CustomerRecord).existsBy({ id: input.customerId });
    if (!known) {
      throw new DomainError(
        'CUSTOMER_UNKNOWN',
        '订单服务中没有该客户（新建的客户需几秒同步），请确认客户或稍后重试',
        'The orders service does not know this customer (a new customer takes a few seconds to arrive); check the customer or try again shortly',
        [{ field: 'customerId', messageZh: '客户不存在或尚未同步', messageEn: 'customer unknown or not yet synchronised' }],
        409,
      );
    }
    const { ownerId, region } = ticketOwnership(caller, input);
    const year = new Date().getUTCFullYear();
    for (let attempt = 1; ; attempt++) {
      const last = await this.tickets
        .createQueryBuilder('t')
        .select('t.number', 'number')
        .where('t.number LIKE :prefix', { prefix: `${TICKET_NUMBER_PREFIX(year)}%` })
        .orderBy('t.number', 'DESC')
        .limit(1)
        .getRawOne<{ number: string }>();
      const ticket = this.tickets.create({
        id: newId(),
        number: nextTicketNumber(last?.number ?? null, year),
        customerId: input.customerId,
        ownerId,
        region,
        urgency: input.urgency,
        requestedDeliveryDate: input.requestedDeliveryDate ?? null,
        status: input.submit ? RequirementTicketStatus.SUBMITTED : RequirementTicketStatus.DRAFT,
        ...spec,
        quantity: spec.quantity ?? null,
      });
      try {
        // One transaction: the ticket and, when submitted, its three department tasks.
        await this.tickets.manager.transaction(async (tx) => {
          await tx.getRepository(RequirementTicket).insert(ticket);
          if (ticket.status === RequirementTicketStatus.SUBMITTED) await splitIntoDepartmentTasks(tx, ticket);
        });
        return this.tickets.findOneByOrFail({ id: ticket.id });
      } catch (error) {
        // Another request took this number between our read and insert: read again and retry.
        if (!isUniqueViolation(error) || attempt >= NUMBER_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Sales changes spec fields (only the ones given). Allowed in DRAFT, CHANGES_REQUESTED and
   * APPROVED; an approved ticket goes back to DRAFT, so the revision needs a new review.
   */
  async updateSpec(caller: Caller, ticketId: string, input: UpdateRequirementTicketSpecInput): Promise<RequirementTicket> {
    const ticket = await this.findForCaller(caller, ticketId);
    this.assertSales(caller);
    if (!EDITABLE.has(ticket.status)) {
      throw DomainError.conflict('工单评审中，不能修改技术规格', 'The ticket is under review; its specification cannot be changed now');
    }
    const changes: TechnicalSpecValues = {};
    for (const f of SPEC_FIELDS) {
      const value = input[f.key];
      if (value === undefined) continue;
      (changes as Record<string, unknown>)[f.key] = typeof value === 'string' ? value.trim() || null : value;
    }
    const problems = invalidSpecValues(changes);
    if (problems.length) throw DomainError.validation(problems);
    Object.assign(ticket, changes);
    if (ticket.status === RequirementTicketStatus.APPROVED) ticket.status = RequirementTicketStatus.DRAFT;
    await this.tickets.save(ticket);
    return this.tickets.findOneByOrFail({ id: ticket.id });
  }

  /** (Re)submits a draft or a ticket sent back by engineering; splits it into department tasks. */
  async submit(caller: Caller, ticketId: string): Promise<RequirementTicket> {
    const ticket = await this.findForCaller(caller, ticketId);
    this.assertSales(caller);
    if (ticket.status !== RequirementTicketStatus.DRAFT && ticket.status !== RequirementTicketStatus.CHANGES_REQUESTED) {
      throw DomainError.conflict('只有草稿或退回修改的工单可以提交', 'Only a draft or a ticket sent back for changes can be submitted');
    }
    assertSpecComplete(specOfTicket(ticket));
    await this.tickets.manager.transaction(async (tx) => {
      const updated = await tx
        .getRepository(RequirementTicket)
        .update({ id: ticket.id, status: ticket.status }, { status: RequirementTicketStatus.SUBMITTED, changesRequestedFields: null, changesRequestedComment: null });
      if (!updated.affected) throw DomainError.conflict('工单状态已变化，请刷新', 'The ticket changed meanwhile; reload it');
      await splitIntoDepartmentTasks(tx, ticket);
    });
    return this.tickets.findOneByOrFail({ id: ticket.id });
  }

  private assertSales(caller: Caller): void {
    if (!hasRole(caller, Role.REP, Role.SUPERVISOR, Role.DIRECTOR, Role.ADMIN)) throw DomainError.forbidden('changing a requirement ticket', '修改需求工单');
  }
}
