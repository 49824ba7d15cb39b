import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Caller, ConnectionShape, DomainError, ErrorDetail, newId, pageWindow, toConnection } from '@lianxiao/platform';
import { Contract, ContractStatus } from '../contract/contract.entity';
import { Invoice } from '../invoice/invoice.entity';
import { Payment } from '../payment/payment.entity';
import { applyHqScope } from '../access/hq-scope';
import { FinanceListArgs, FirstPaymentArgs, FirstPaymentTimeliness, RecordInvoiceInput, RecordPaymentInput } from './finance.dto';
import { FinanceErrorCode, idempotencyKeyReused } from './finance-errors';
import { daysBetween, formatYuan, hasAtMostTwoDecimals, isDate, isMonth, monthBounds, toFen, toYuan } from './money';
import { requestHash } from './request-hash';

/** A first payment up to this many days after the agreed date counts as on time (PRODUCT.md §5). */
export const FIRST_PAYMENT_GRACE_DAYS = 7;

function amountProblems(amount: number): ErrorDetail[] {
  if (!(amount > 0)) return [{ field: 'amount', messageZh: '金额须大于 0', messageEn: 'amount must be greater than 0' }];
  if (!hasAtMostTwoDecimals(amount)) return [{ field: 'amount', messageZh: '金额最多两位小数', messageEn: 'amount may have at most 2 decimals' }];
  if (amount >= 1e12) return [{ field: 'amount', messageZh: '金额过大', messageEn: 'amount is too large' }];
  return [];
}

function keyProblems(key: string): ErrorDetail[] {
  return key && key.length <= 64 ? [] : [{ field: 'idempotencyKey', messageZh: '幂等键须为 1–64 个字符', messageEn: 'idempotencyKey must be 1–64 characters' }];
}

function isDuplicateKey(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const text = `${(error as { code?: string }).code ?? ''} ${error.message}`;
  return /ER_DUP_ENTRY|UNIQUE constraint failed|SQLITE_CONSTRAINT/i.test(text);
}

export function firstPaymentTimeliness(contract: Contract, firstPaidOn: string | null, today: string): FirstPaymentTimeliness {
  const base = {
    contractId: contract.id, contractNumber: contract.number, customerId: contract.customerId, ownerId: contract.ownerId,
    region: contract.region, dueOn: contract.firstPaymentDueDate, firstPaidOn,
  };
  if (!contract.firstPaymentDueDate) return { ...base, daysLate: null, status: 'NO_DUE_DATE', onTime: false };
  if (firstPaidOn) {
    const daysLate = daysBetween(contract.firstPaymentDueDate, firstPaidOn);
    const onTime = daysLate <= FIRST_PAYMENT_GRACE_DAYS;
    return { ...base, daysLate, status: onTime ? 'ON_TIME' : 'LATE', onTime };
  }
  const daysLate = daysBetween(contract.firstPaymentDueDate, today);
  return { ...base, daysLate, status: daysLate > FIRST_PAYMENT_GRACE_DAYS ? 'OVERDUE' : 'PENDING', onTime: false };
}

/** Invoices and payments against contracts: validated first, then one transaction, idempotent by key. */
@Injectable()
export class FinanceLedgerService {
  constructor(private readonly db: DataSource) {}

  async recordInvoice(caller: Caller, input: RecordInvoiceInput): Promise<Invoice> {
    const number = input.number?.trim() ?? '';
    const problems = [...amountProblems(input.amount), ...keyProblems(input.idempotencyKey)];
    if (!number || number.length > 32) problems.push({ field: 'number', messageZh: '发票号须为 1–32 个字符', messageEn: 'number must be 1–32 characters' });
    if (!isDate(input.issuedOn)) problems.push({ field: 'issuedOn', messageZh: '开票日期格式须为 YYYY-MM-DD', messageEn: 'issuedOn must be YYYY-MM-DD' });
    if ((input.note ?? '').length > 200) problems.push({ field: 'note', messageZh: '备注最多 200 字', messageEn: 'note may have at most 200 characters' });
    if (problems.length) throw DomainError.validation(problems);
    const hash = requestHash({ contractId: input.contractId, number, amount: toFen(input.amount), issuedOn: input.issuedOn, note: input.note?.trim() || null });
    const run = () =>
      this.db.transaction(async (tx) => {
        const existing = await tx.getRepository(Invoice).findOneBy({ idempotencyKey: input.idempotencyKey });
        if (existing) {
          if (existing.requestHash !== hash) throw idempotencyKeyReused(input.idempotencyKey, '发票', 'invoice');
          return existing;
        }
        const contract = await this.signedContract(tx, input.contractId);
        if (await tx.getRepository(Invoice).existsBy({ number })) {
          throw new DomainError(FinanceErrorCode.INVOICE_NUMBER_TAKEN, `发票号 ${number} 已登记`, `Invoice number ${number} is already recorded`, [{ field: 'number', messageZh: '发票号重复', messageEn: 'duplicate invoice number' }], 409);
        }
        const invoiced = await this.sumFen(tx, Invoice, contract.id);
        const contractFen = toFen(contract.amount);
        if (invoiced + toFen(input.amount) > contractFen) {
          const left = toYuan(contractFen - invoiced);
          throw new DomainError(
            FinanceErrorCode.INVOICE_EXCEEDS_CONTRACT,
            `开票金额超出合同金额：合同 ${contract.number} 金额 ¥${formatYuan(contract.amount)}，已开票 ¥${formatYuan(toYuan(invoiced))}，最多还可开 ¥${formatYuan(left)}`,
            `Invoice exceeds the contract: contract ${contract.number} is ¥${formatYuan(contract.amount)}, ¥${formatYuan(toYuan(invoiced))} already invoiced, at most ¥${formatYuan(left)} left`,
            [{ field: 'amount', messageZh: `最多 ¥${formatYuan(left)}`, messageEn: `at most ¥${formatYuan(left)}`, remaining: left }],
            409,
          );
        }
        const row = tx.getRepository(Invoice).create({
          id: newId(), number, contractId: contract.id, contractNumber: contract.number, customerId: contract.customerId,
          region: contract.region, ownerId: contract.ownerId, amount: toYuan(toFen(input.amount)), issuedOn: input.issuedOn,
          note: input.note?.trim() || null, idempotencyKey: input.idempotencyKey, requestHash: hash, createdBy: caller.userId,
        });
        return tx.getRepository(Invoice).save(row);
      });
    return this.retryOnDuplicate(run);
  }

  async recordPayment(caller: Caller, input: RecordPaymentInput): Promise<Payment> {
    const problems = [...amountProblems(input.amount), ...keyProblems(input.idempotencyKey)];
    if (!isDate(input.receivedOn)) problems.push({ field: 'receivedOn', messageZh: '到账日期格式须为 YYYY-MM-DD', messageEn: 'receivedOn must be YYYY-MM-DD' });
    if ((input.reference ?? '').length > 64) problems.push({ field: 'reference', messageZh: '流水号最多 64 个字符', messageEn: 'reference may have at most 64 characters' });
    if (problems.length) throw DomainError.validation(problems);
    const hash = requestHash({ contractId: input.contractId, amount: toFen(input.amount), receivedOn: input.receivedOn, reference: input.reference?.trim() || null });
    const run = () =>
      this.db.transaction(async (tx) => {
        const existing = await tx.getRepository(Payment).findOneBy({ idempotencyKey: input.idempotencyKey });
        if (existing) {
          if (existing.requestHash !== hash) throw idempotencyKeyReused(input.idempotencyKey, '回款', 'payment');
          return existing;
        }
        const contract = await this.signedContract(tx, input.contractId);
        const paid = await this.sumFen(tx, Payment, contract.id);
        const contractFen = toFen(contract.amount);
        if (paid + toFen(input.amount) > contractFen) {
          const left = toYuan(contractFen - paid);
          throw new DomainError(
            FinanceErrorCode.OVERPAYMENT,
            `回款超出合同金额：合同 ${contract.number} 金额 ¥${formatYuan(contract.amount)}，已回款 ¥${formatYuan(toYuan(paid))}，本次最多 ¥${formatYuan(left)}`,
            `Over-payment: contract ${contract.number} is ¥${formatYuan(contract.amount)} and ¥${formatYuan(toYuan(paid))} is already paid; this payment can be at most ¥${formatYuan(left)}`,
            [{ field: 'amount', messageZh: `最多 ¥${formatYuan(left)}`, messageEn: `at most ¥${formatYuan(left)}`, remaining: left }],
            409,
          );
        }
        const row = tx.getRepository(Payment).create({
          id: newId(), contractId: contract.id, contractNumber: contract.number, customerId: contract.customerId, region: contract.region,
          ownerId: contract.ownerId, amount: toYuan(toFen(input.amount)), receivedOn: input.receivedOn, reference: input.reference?.trim() || null,
          idempotencyKey: input.idempotencyKey, requestHash: hash, createdBy: caller.userId,
        });
        return tx.getRepository(Payment).save(row);
      });
    return this.retryOnDuplicate(run);
  }

  listInvoices(caller: Caller, args: FinanceListArgs): Promise<ConnectionShape<Invoice>> {
    return this.list(caller, Invoice, 'issuedOn', args);
  }

  listPayments(caller: Caller, args: FinanceListArgs): Promise<ConnectionShape<Payment>> {
    return this.list(caller, Payment, 'receivedOn', args);
  }

  /** First-payment timeliness of signed contracts in the caller's scope (the scorecard's input). */
  async firstPayments(caller: Caller, args: FirstPaymentArgs, today = new Date().toISOString().slice(0, 10)): Promise<FirstPaymentTimeliness[]> {
    const qb = applyHqScope(this.db.getRepository(Contract).createQueryBuilder('c'), 'c', caller).andWhere('c.status = :signed', { signed: ContractStatus.SIGNED });
    if (args.dueFrom) qb.andWhere('c.firstPaymentDueDate >= :dueFrom', { dueFrom: args.dueFrom });
    if (args.dueTo) qb.andWhere('c.firstPaymentDueDate <= :dueTo', { dueTo: args.dueTo });
    if (args.ownerId) qb.andWhere('c.ownerId = :ownerId', { ownerId: args.ownerId });
    const contracts = await qb.orderBy('c.number', 'ASC').getMany();
    const firsts = await this.firstPaidOnByContract(contracts.map((c) => c.id));
    return contracts.map((c) => firstPaymentTimeliness(c, firsts.get(c.id) ?? null, today));
  }

  /** Batched: contract id → date of its first payment. */
  async firstPaidOnByContract(contractIds: readonly string[]): Promise<Map<string, string>> {
    if (!contractIds.length) return new Map();
    const rows = await this.db
      .getRepository(Payment)
      .createQueryBuilder('p')
      .select('p.contractId', 'contractId')
      .addSelect('MIN(p.receivedOn)', 'first')
      .where('p.contractId IN (:...ids)', { ids: [...contractIds] })
      .groupBy('p.contractId')
      .getRawMany<{ contractId: string; first: string }>();
    return new Map(rows.map((r) => [r.contractId, r.first]));
  }

  /** Batched: contract id → invoiced and paid totals (yuan). */
  async totalsByContract(contractIds: readonly string[]): Promise<Map<string, { invoiced: number; paid: number }>> {
    const out = new Map<string, { invoiced: number; paid: number }>();
    if (!contractIds.length) return out;
    const sum = (entity: typeof Invoice | typeof Payment) =>
      this.db.getRepository(entity).createQueryBuilder('f').select('f.contractId', 'contractId').addSelect('SUM(f.amount)', 'total')
        .where('f.contractId IN (:...ids)', { ids: [...contractIds] }).groupBy('f.contractId').getRawMany<{ contractId: string; total: string | number }>();
    const [invoiced, paid] = await Promise.all([sum(Invoice), sum(Payment)]);
    for (const id of contractIds) out.set(id, { invoiced: 0, paid: 0 });
    for (const r of invoiced) out.set(r.contractId, { ...(out.get(r.contractId) ?? { invoiced: 0, paid: 0 }), invoiced: toYuan(toFen(Number(r.total))) });
    for (const r of paid) out.set(r.contractId, { ...(out.get(r.contractId) ?? { invoiced: 0, paid: 0 }), paid: toYuan(toFen(Number(r.total))) });
    return out;
  }

  private async list<T extends Invoice | Payment>(caller: Caller, entity: new () => T, dateColumn: 'issuedOn' | 'receivedOn', args: FinanceListArgs): Promise<ConnectionShape<T>> {
    const window = pageWindow(args, 20);
    const qb = applyHqScope(this.db.getRepository<T>(entity).createQueryBuilder('f'), 'f', caller);
    if (args.customerId) qb.andWhere('f.customerId = :customerId', { customerId: args.customerId });
    if (args.contractId) qb.andWhere('f.contractId = :contractId', { contractId: args.contractId });
    if (args.month) {
      if (!isMonth(args.month)) throw DomainError.validation([{ field: 'month', messageZh: '月份格式须为 YYYY-MM', messageEn: 'month must be YYYY-MM' }]);
      const { first, last } = monthBounds(args.month);
      qb.andWhere(`f.${dateColumn} BETWEEN :first AND :last`, { first, last });
    }
    const [nodes, total] = await qb.orderBy(`f.${dateColumn}`, 'DESC').addOrderBy('f.createdAt', 'DESC').skip(window.skip).take(window.take).getManyAndCount();
    return toConnection(nodes, total, window);
  }

  private async signedContract(tx: EntityManager, contractId: string): Promise<Contract> {
    // Lock the contract row on MariaDB so two concurrent payments cannot both pass the over-payment
    // check; SQLite serialises writers anyway (and has no FOR UPDATE).
    const lock = tx.connection.options.type === 'better-sqlite3' ? undefined : ({ mode: 'pessimistic_write' } as const);
    const contract = await tx.getRepository(Contract).findOne({ where: { id: contractId }, ...(lock ? { lock } : {}) });
    if (!contract) throw DomainError.notFound('Contract', '合同', contractId);
    if (contract.status !== ContractStatus.SIGNED) {
      throw new DomainError(FinanceErrorCode.CONTRACT_NOT_SIGNED, `合同 ${contract.number} 尚未签署，不能登记发票或回款`, `Contract ${contract.number} is not signed; invoices and payments need a signed contract`, [], 409);
    }
    return contract;
  }

  private async sumFen(tx: EntityManager, entity: typeof Invoice | typeof Payment, contractId: string): Promise<number> {
    const rows = await tx.getRepository(entity).find({ where: { contractId }, select: { amount: true } });
    return rows.reduce((sum, r) => sum + toFen(r.amount), 0);
  }

  /** Two requests with one key racing: the loser hits the unique index, then answers the winner's row. */
  private async retryOnDuplicate<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isDuplicateKey(error)) return run();
      throw error;
    }
  }
}
