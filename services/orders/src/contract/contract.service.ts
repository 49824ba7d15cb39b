import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Caller, ConnectionShape, DomainError, ErrorDetail, newId, pageWindow, toConnection } from '@lianxiao/platform';
import { RequirementTicket } from '../requirement-ticket/requirement-ticket.entity';
import { AgreementStatus, TechnicalAgreement } from '../review/technical-agreement.entity';
import { DEFAULT_CUSTOMER_HEALTH } from './priority';
import { applyHqScope } from '../access/hq-scope';
import { newestPerCustomer } from '../customer-ref/newest-per-customer';
import { Contract, ContractStatus } from './contract.entity';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
import { ContractListArgs, CreateContractInput } from './contract.dto';

@Injectable()
export class ContractService {
  constructor(
    @InjectRepository(Contract) private readonly contracts: Repository<Contract>,
    @InjectRepository(RequirementTicket) private readonly tickets: Repository<RequirementTicket>,
    @InjectRepository(TechnicalAgreement) private readonly agreements: Repository<TechnicalAgreement>,
  ) {}

  /** Newest first, narrowed to the caller's scope (own / region / all). */
  async list(caller: Caller, args: ContractListArgs): Promise<ConnectionShape<Contract>> {
    const window = pageWindow(args, 20);
    const qb = applyHqScope(this.contracts.createQueryBuilder('c'), 'c', caller);
    if (args.customerId) qb.andWhere('c.customerId = :customerId', { customerId: args.customerId });
    if (args.ticketId) qb.andWhere('c.ticketId = :ticketId', { ticketId: args.ticketId });
    const [nodes, total] = await qb.orderBy('c.number', 'DESC').skip(window.skip).take(window.take).getManyAndCount();
    return toConnection(nodes, total, window);
  }

  /** One contract; out of scope answers NOT_FOUND so ids of others' contracts reveal nothing. */
  async findForCaller(caller: Caller, id: string): Promise<Contract> {
    const [contract] = await this.findByIdsForCaller(caller, [id]);
    if (!contract) throw DomainError.notFound('Contract', '合同', id);
    return contract;
  }

  /** Batched lookup for federation references: one query for any number of ids. */
  findByIdsForCaller(caller: Caller | null, ids: readonly string[]): Promise<Contract[]> {
    if (!ids.length) return Promise.resolve([]);
    return applyHqScope(this.contracts.createQueryBuilder('c'), 'c', caller).andWhere('c.id IN (:...ids)', { ids: [...ids] }).getMany();
  }

  /** The newest `perCustomer` contracts of each of many customers, in one query (Customer.contracts for a page of customers). */
  newestOfCustomersForCaller(caller: Caller | null, customerIds: readonly string[], perCustomer: number): Promise<Contract[]> {
    return newestPerCustomer(this.contracts, Contract, caller, customerIds, perCustomer);
  }

  /**
   * A draft contract from a ticket's legally approved agreement version. Owner and region come
   * from the ticket, urgency too (an input of the priority).
   */
  async create(caller: Caller, input: CreateContractInput): Promise<Contract> {
    const problems: ErrorDetail[] = [];
    if (!(input.amount > 0)) problems.push({ field: 'amount', messageZh: '金额须大于 0', messageEn: 'amount must be positive' });
    if (!(input.grossMargin >= 0 && input.grossMargin < 1)) problems.push({ field: 'grossMargin', messageZh: '毛利率须在 0 到 1 之间', messageEn: 'grossMargin must be between 0 and 1' });
    if (!/^[A-Z]{3}$/.test(input.currency)) problems.push({ field: 'currency', messageZh: '币种须为 ISO 4217 代码', messageEn: 'currency must be an ISO 4217 code' });
    const terms = input.paymentTerms?.trim() ?? '';
    if (!terms || terms.length > 128) problems.push({ field: 'paymentTerms', messageZh: '请填写付款条件（不超过 128 字）', messageEn: 'paymentTerms is required (at most 128 characters)' });
    if (input.firstPaymentDueDate && !DATE_ONLY.test(input.firstPaymentDueDate)) problems.push({ field: 'firstPaymentDueDate', messageZh: '首付款日期格式应为 YYYY-MM-DD', messageEn: 'firstPaymentDueDate must be YYYY-MM-DD' });
    if (!input.lines?.length) problems.push({ field: 'lines', messageZh: '至少需要一行合同明细', messageEn: 'at least one line is required' });
    (input.lines ?? []).forEach((l, i) => {
      if (!l.sku?.trim() || !l.partName?.trim()) problems.push({ field: `lines[${i}]`, messageZh: '明细须有料号和名称', messageEn: 'a line needs sku and partName' });
      if (!Number.isInteger(l.quantity) || l.quantity < 1) problems.push({ field: `lines[${i}].quantity`, messageZh: '数量须为正整数', messageEn: 'quantity must be a positive integer' });
      if (l.requestedDeliveryDate && !DATE_ONLY.test(l.requestedDeliveryDate)) problems.push({ field: `lines[${i}].requestedDeliveryDate`, messageZh: '交期格式应为 YYYY-MM-DD', messageEn: 'requestedDeliveryDate must be YYYY-MM-DD' });
    });
    if (problems.length) throw DomainError.validation(problems);

    const [ticket] = await applyHqScope(this.tickets.createQueryBuilder('t'), 't', caller).andWhere('t.id = :id', { id: input.ticketId }).getMany();
    if (!ticket) throw DomainError.notFound('Requirement ticket', '需求工单', input.ticketId);
    const agreement = await this.agreements.findOneBy({ id: input.agreementId, ticketId: ticket.id });
    if (!agreement) throw DomainError.notFound('Technical agreement', '技术协议', input.agreementId);
    if (agreement.status !== AgreementStatus.APPROVED) {
      throw new DomainError('AGREEMENT_NOT_APPROVED', '只有法务批准的技术协议版本才能生成合同', 'Only a legally approved agreement version can go into a contract', [], 409);
    }
    const undated = input.lines.findIndex((l) => !l.requestedDeliveryDate && !ticket.requestedDeliveryDate);
    if (undated >= 0) {
      throw DomainError.validation([{ field: `lines[${undated}].requestedDeliveryDate`, messageZh: '工单无期望交期，请为每行填写交期（ERP 排产需要）', messageEn: 'The ticket has no requested delivery date: give each line one (ERP scheduling needs it)' }]);
    }
    const existing = await this.contracts.findOneBy({ agreementId: agreement.id });
    if (existing) {
      throw DomainError.conflict(`该协议版本已生成合同 ${existing.number}`, `A contract (${existing.number}) already exists for this agreement version`);
    }
    const year = new Date().getUTCFullYear();
    for (let attempt = 1; ; attempt++) {
      const last = await this.contracts
        .createQueryBuilder('c')
        .select('c.number', 'number')
        .where('c.number LIKE :prefix', { prefix: `HT-${year}-%` })
        .orderBy('c.number', 'DESC')
        .limit(1)
        .getRawOne<{ number: string }>();
      const next = last ? Number(last.number.slice(-4)) + 1 : 1;
      const row = this.contracts.create({
        id: newId(),
        number: `HT-${year}-${String(next).padStart(4, '0')}`,
        customerId: ticket.customerId,
        ownerId: ticket.ownerId,
        region: ticket.region,
        amount: Math.round(input.amount * 100) / 100,
        currency: input.currency,
        grossMargin: Math.round(input.grossMargin * 10000) / 10000,
        status: ContractStatus.DRAFT,
        paymentTerms: terms,
        firstPaymentDueDate: input.firstPaymentDueDate ?? null,
        signedAt: null,
        signedBy: null,
        signedByName: null,
        signedScanSha256: null,
        signIdempotencyKey: null,
        ticketId: ticket.id,
        agreementId: agreement.id,
        agreementVersion: agreement.version,
        lines: input.lines.map((l) => ({ sku: l.sku.trim(), partName: l.partName.trim(), quantity: l.quantity, requestedDeliveryDate: l.requestedDeliveryDate ?? ticket.requestedDeliveryDate ?? null })),
        urgency: ticket.urgency,
        customerHealth: DEFAULT_CUSTOMER_HEALTH,
      });
      try {
        await this.contracts.insert(row);
        return this.contracts.findOneByOrFail({ id: row.id });
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        if (!(code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT')) || attempt >= 5) throw error;
      }
    }
  }
}
