import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Caller, ConnectionShape, DomainError, ErrorDetail, newId, pageWindow, toConnection } from '@lianxiao/platform';
import { applyHqScope } from '../access/hq-scope';
import { RequirementTicket, RequirementTicketStatus } from './requirement-ticket.entity';
import { CreateRequirementTicketInput, RequirementTicketListArgs } from './requirement-ticket.dto';
import { assertSpecComplete, invalidSpecValues, SPEC_FIELDS, TechnicalSpecValues } from './technical-spec';
import { nextTicketNumber, TICKET_NUMBER_PREFIX, ticketOwnership } from './ticket-ownership';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER_ATTEMPTS = 5;

/** A unique-key violation on SQLite or MariaDB (here: two tickets took the same number). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT');
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

  /** Tickets of many customers in one query (Customer.requirementTickets for a page of customers). */
  findByCustomerIdsForCaller(caller: Caller | null, customerIds: readonly string[]): Promise<RequirementTicket[]> {
    if (!customerIds.length) return Promise.resolve([]);
    return applyHqScope(this.tickets.createQueryBuilder('t'), 't', caller)
      .andWhere('t.customerId IN (:...customerIds)', { customerIds: [...customerIds] })
      .orderBy('t.number', 'ASC')
      .getMany();
  }

  /**
   * Saves a draft, or submits when `input.submit`: a submission missing any spec field is refused
   * with SPEC_INCOMPLETE and nothing is written.
   */
  async create(caller: Caller, input: CreateRequirementTicketInput): Promise<RequirementTicket> {
    const spec = specValuesOf(input);
    const problems: ErrorDetail[] = invalidSpecValues(spec);
    if (input.requestedDeliveryDate && !DATE_ONLY.test(input.requestedDeliveryDate)) {
      problems.push({ field: 'requestedDeliveryDate', messageZh: '期望交期格式应为 YYYY-MM-DD', messageEn: 'requestedDeliveryDate must be YYYY-MM-DD' });
    }
    if (problems.length) throw DomainError.validation(problems);
    if (input.submit) assertSpecComplete(spec);
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
        await this.tickets.insert(ticket);
        return this.tickets.findOneByOrFail({ id: ticket.id });
      } catch (error) {
        // Another request took this number between our read and insert: read again and retry.
        if (!isUniqueViolation(error) || attempt >= NUMBER_ATTEMPTS) throw error;
      }
    }
  }
}
