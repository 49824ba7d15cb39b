import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThanOrEqual } from 'typeorm';
import { Caller, ConnectionShape, createLogger, DomainError, Mailer, newId, pageWindow, toConnection } from '@lianxiao/platform';
import { applyRegionScope } from '../finance/finance-scope';
import { Invoice } from '../invoice/invoice.entity';
import { Payment } from '../payment/payment.entity';
import { CustomerFinanceContact } from '../finance/customer-finance-contact.entity';
import { FinanceAlert, FinanceAlertKind } from '../finance/finance-alert.entity';
import { FinanceErrorCode, statementTokenInvalid } from '../finance/finance-errors';
import { formatYuan, hasAtMostTwoDecimals, isMonth, monthBounds, toFen, toYuan } from '../finance/money';
import { CustomerRecord } from '../customer-ref/customer-record.entity';
import { Statement, StatementLine, StatementStatus } from './statement.entity';
import { StatementFile, StatementForCustomer, StatementListArgs, StatementResponse } from './statement.dto';
import { COMPANY_NAME, statementFileName, statementPdf, statementXlsx } from './statement-documents';
import { hashStatementToken, newStatementToken } from './statement-token';

/** A confirmed figure further than this from ours (relative) alerts finance (PRODUCT.md §3). */
export const STATEMENT_DEVIATION_THRESHOLD = 0.05;

/** Demo fallback when a customer has no finance contact in this service's read model. */
export function fallbackFinanceEmail(customerId: string): string {
  return `finance+${customerId.slice(0, 8)}@customers.lianxiao.example`;
}

interface CustomerActivity {
  customerId: string;
  region: string;
  openingFen: number;
  invoicedFen: number;
  paidFen: number;
  lines: StatementLine[];
}

function monthInvalid(): DomainError {
  return DomainError.validation([{ field: 'month', messageZh: '月份格式须为 YYYY-MM', messageEn: 'month must be YYYY-MM' }]);
}

@Injectable()
export class StatementService {
  private readonly logger = createLogger('orders.statements');
  private readonly mailer = Mailer.fromEnv(process.env, createLogger('orders.mail'));
  private readonly publicBaseUrl = (process.env.PUBLIC_BASE_URL ?? process.env.PORTAL_BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');

  constructor(private readonly db: DataSource) {}

  /**
   * One statement per customer with activity in the month (an invoice or payment) or an open
   * balance at its end. A statement already generated for the month is kept (a re-run or a catch-up
   * never mails a customer twice) unless it is unanswered and its figures changed: then it is
   * refreshed and mailed again. Mail goes out after the commit, in the background (or awaited).
   */
  async generate(month: string, generatedBy: string, customerId?: string, options: { awaitDelivery?: boolean } = {}): Promise<Statement[]> {
    if (!isMonth(month)) throw monthInvalid();
    const activities = await this.activities(month, customerId);
    const created: Statement[] = [];
    const result = await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(Statement);
      const existing = activities.length ? await repo.findBy({ month, customerId: In(activities.map((a) => a.customerId)) }) : [];
      const existingBy = new Map(existing.map((s) => [s.customerId, s]));
      const contacts = activities.length ? await tx.getRepository(CustomerFinanceContact).findBy({ customerId: In(activities.map((a) => a.customerId)) }) : [];
      const contactBy = new Map(contacts.map((c) => [c.customerId, c]));
      // No finance contact yet: the name from orders' customer read model, a deterministic demo address.
      const records = activities.length ? await tx.getRepository(CustomerRecord).findBy({ id: In(activities.map((a) => a.customerId)) }) : [];
      const nameBy = new Map(records.map((r) => [r.id, r.name]));
      const out: Statement[] = [];
      for (const a of activities) {
        const kept = existingBy.get(a.customerId);
        if (kept) {
          // Answered statements are final. An unanswered one whose figures changed since (an invoice
          // booked late, or a run before the month closed) is refreshed and mailed again; the old link dies.
          const answered = kept.status === StatementStatus.CONFIRMED || kept.status === StatementStatus.DISPUTED;
          const closing = toYuan(a.openingFen + a.invoicedFen - a.paidFen);
          const changed =
            toFen(kept.openingBalance) !== a.openingFen || toFen(kept.invoicedAmount) !== a.invoicedFen || toFen(kept.paidAmount) !== a.paidFen ||
            JSON.stringify(kept.lines) !== JSON.stringify(a.lines);
          if (!answered && changed) {
            Object.assign(kept, {
              openingBalance: toYuan(a.openingFen), invoicedAmount: toYuan(a.invoicedFen), paidAmount: toYuan(a.paidFen), closingBalance: closing,
              lines: a.lines, status: StatementStatus.PENDING, tokenHash: newStatementToken().hash, mailError: null, generatedBy,
            });
            await repo.save(kept);
            created.push(kept);
          }
          out.push(kept);
          continue;
        }
        const contact = contactBy.get(a.customerId);
        const row = repo.create({
          id: newId(),
          number: `ST-${month.replace('-', '')}-${a.customerId.slice(0, 8).toUpperCase()}`,
          customerId: a.customerId,
          customerName: contact?.customerName ?? nameBy.get(a.customerId) ?? a.customerId,
          region: contact?.region ?? a.region,
          month,
          openingBalance: toYuan(a.openingFen),
          invoicedAmount: toYuan(a.invoicedFen),
          paidAmount: toYuan(a.paidFen),
          closingBalance: toYuan(a.openingFen + a.invoicedFen - a.paidFen),
          lines: a.lines,
          status: StatementStatus.PENDING,
          emailTo: contact?.email ?? fallbackFinanceEmail(a.customerId),
          mailError: null,
          sentAt: null,
          tokenHash: newStatementToken().hash,
          customerAmount: null,
          customerComment: null,
          respondedAt: null,
          generatedBy,
        });
        await repo.insert(row);
        created.push(row);
        out.push(row);
      }
      return out;
    });
    this.logger.info({ month, generatedOrRefreshed: created.length, kept: result.length - created.length }, 'statements generated');
    if (created.length && options.awaitDelivery) await this.deliver(created.map((s) => s.id));
    else if (created.length) void this.deliver(created.map((s) => s.id));
    return result;
  }

  /** Sends (or re-sends) statements: a fresh link token, the PDF and XLSX attached. Never throws. */
  async deliver(ids: string[]): Promise<void> {
    for (const id of ids) {
      try {
        await this.deliverOne(id);
      } catch (error) {
        this.logger.error({ statementId: id, err: error instanceof Error ? error.message : String(error) }, 'statement delivery failed');
        await this.db.getRepository(Statement).update({ id }, { status: StatementStatus.NOT_SENT, mailError: String(error instanceof Error ? error.message : error).slice(0, 300) });
      }
    }
  }

  /** Statements still PENDING (e.g. the process stopped before mailing them). */
  async deliverPending(): Promise<number> {
    const pending = await this.db.getRepository(Statement).find({ where: { status: StatementStatus.PENDING }, select: { id: true } });
    await this.deliver(pending.map((p) => p.id));
    return pending.length;
  }

  async resend(id: string): Promise<Statement> {
    const s = await this.db.getRepository(Statement).findOneBy({ id });
    if (!s) throw DomainError.notFound('Statement', '对账单', id);
    if (s.status === StatementStatus.CONFIRMED || s.status === StatementStatus.DISPUTED) throw alreadyAnswered(s);
    await this.deliverOne(id);
    return this.db.getRepository(Statement).findOneByOrFail({ id });
  }

  confirmationLink(token: string): string {
    return `${this.publicBaseUrl}/statement-confirmation?token=${encodeURIComponent(token)}`;
  }

  private async deliverOne(id: string): Promise<void> {
    const repo = this.db.getRepository(Statement);
    const s = await repo.findOneByOrFail({ id });
    const { token, hash } = newStatementToken();
    await repo.update({ id }, { tokenHash: hash });
    const [pdf, xlsx] = await Promise.all([statementPdf(s), statementXlsx(s)]);
    const link = this.confirmationLink(token);
    const result = await this.mailer.send({
      to: s.emailTo,
      subject: `【${COMPANY_NAME}】${s.month} 对账单 ${s.number} 请确认 / Statement ${s.month}`,
      text: [
        `${s.customerName} 财务负责人：您好！`,
        '',
        `附件为贵司 ${s.month} 的对账单（PDF 与 Excel）。`,
        `期初余额 ¥${formatYuan(s.openingBalance)}，本期开票 ¥${formatYuan(s.invoicedAmount)}，本期回款 ¥${formatYuan(s.paidAmount)}，期末应收 ¥${formatYuan(s.closingBalance)}。`,
        '',
        `请点击以下链接在线确认或提出异议：`,
        link,
        '',
        `Your statement for ${s.month} is attached. Closing balance: CNY ${formatYuan(s.closingBalance)}. Confirm or dispute it online: ${link}`,
      ].join('\n'),
      attachments: [
        { filename: statementFileName(s, 'pdf'), content: pdf, contentType: 'application/pdf' },
        { filename: statementFileName(s, 'xlsx'), content: xlsx, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      ],
    });
    await repo.update(
      { id },
      result.sent
        ? { status: StatementStatus.SENT, sentAt: new Date(), mailError: null }
        : { status: StatementStatus.NOT_SENT, mailError: (result.reason === 'DISABLED' ? 'SMTP_URL not set' : result.error ?? 'send failed').slice(0, 300) },
    );
  }

  async list(caller: Caller, args: StatementListArgs): Promise<ConnectionShape<Statement>> {
    const window = pageWindow(args, 20);
    const qb = applyRegionScope(this.db.getRepository(Statement).createQueryBuilder('s'), 's', caller);
    if (args.month) {
      if (!isMonth(args.month)) throw monthInvalid();
      qb.andWhere('s.month = :month', { month: args.month });
    }
    if (args.customerId) qb.andWhere('s.customerId = :customerId', { customerId: args.customerId });
    if (args.status) qb.andWhere('s.status = :status', { status: args.status });
    const [nodes, total] = await qb.orderBy('s.month', 'DESC').addOrderBy('s.customerName', 'ASC').skip(window.skip).take(window.take).getManyAndCount();
    return toConnection(nodes, total, window);
  }

  async document(caller: Caller, id: string, format: 'PDF' | 'XLSX'): Promise<StatementFile> {
    const s = await applyRegionScope(this.db.getRepository(Statement).createQueryBuilder('s'), 's', caller).andWhere('s.id = :id', { id }).getOne();
    if (!s) throw DomainError.notFound('Statement', '对账单', id);
    return format === 'PDF'
      ? { filename: statementFileName(s, 'pdf'), contentType: 'application/pdf', base64: (await statementPdf(s)).toString('base64') }
      : { filename: statementFileName(s, 'xlsx'), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: (await statementXlsx(s)).toString('base64') };
  }

  async forCustomer(token: string): Promise<StatementForCustomer> {
    return toCustomerView(await this.byToken(token));
  }

  async respond(token: string, kind: 'CONFIRM' | 'DISPUTE', amount: number, comment: string | null | undefined): Promise<StatementResponse> {
    const trimmed = comment?.trim() || null;
    const problems = [];
    if (!hasAtMostTwoDecimals(amount) || Math.abs(amount) >= 1e12) problems.push({ field: 'confirmedAmount', messageZh: '金额须为最多两位小数的数字', messageEn: 'the amount must be a number with at most 2 decimals' });
    if ((trimmed ?? '').length > 500) problems.push({ field: 'comment', messageZh: '说明最多 500 字', messageEn: 'comment may have at most 500 characters' });
    if (kind === 'DISPUTE' && !trimmed) problems.push({ field: 'comment', messageZh: '提出异议时请说明原因', messageEn: 'a dispute needs a comment' });
    if (problems.length) throw DomainError.validation(problems);
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(Statement);
      const s = await repo.findOneBy({ tokenHash: hashStatementToken(token) });
      if (!s) throw statementTokenInvalid();
      if (s.status === StatementStatus.CONFIRMED || s.status === StatementStatus.DISPUTED) throw alreadyAnswered(s);
      const oursFen = toFen(s.closingBalance);
      const theirsFen = toFen(amount);
      const deviation = oursFen === 0 ? null : Math.round(((theirsFen - oursFen) / Math.abs(oursFen)) * 10_000) / 10_000;
      const deviates = oursFen === 0 ? theirsFen !== 0 : Math.abs(theirsFen - oursFen) > STATEMENT_DEVIATION_THRESHOLD * Math.abs(oursFen);
      s.status = kind === 'CONFIRM' ? StatementStatus.CONFIRMED : StatementStatus.DISPUTED;
      s.customerAmount = toYuan(theirsFen);
      s.customerComment = trimmed;
      s.respondedAt = new Date();
      await repo.save(s);
      const alerted = kind === 'DISPUTE' || deviates;
      if (alerted) {
        await tx.getRepository(FinanceAlert).insert({
          id: newId(),
          kind: kind === 'DISPUTE' ? FinanceAlertKind.STATEMENT_DISPUTED : FinanceAlertKind.STATEMENT_DEVIATION,
          statementId: s.id, customerId: s.customerId, customerName: s.customerName, region: s.region, month: s.month,
          ourAmount: s.closingBalance, customerAmount: s.customerAmount, deviation, comment: trimmed,
        });
        this.logger.warn({ statementId: s.id, kind, deviation }, 'finance alert raised');
      }
      return { statement: toCustomerView(s), deviation, alerted };
    });
  }

  async alerts(caller: Caller, first = 50): Promise<FinanceAlert[]> {
    const qb = applyRegionScope(this.db.getRepository(FinanceAlert).createQueryBuilder('a'), 'a', caller);
    return qb.orderBy('a.createdAt', 'DESC').take(Math.min(Math.max(first, 1), 200)).getMany();
  }

  private async byToken(token: string): Promise<Statement> {
    const s = token ? await this.db.getRepository(Statement).findOneBy({ tokenHash: hashStatementToken(token) }) : null;
    if (!s) throw statementTokenInvalid();
    return s;
  }

  /** Per customer: balance before the month, the month's invoices and payments. */
  private async activities(month: string, customerId?: string): Promise<CustomerActivity[]> {
    const { first, last } = monthBounds(month);
    const where = customerId ? { customerId } : {};
    const [invoices, payments] = await Promise.all([
      this.db.getRepository(Invoice).find({ where: { ...where, issuedOn: LessThanOrEqual(last) }, order: { issuedOn: 'ASC', number: 'ASC' } }),
      this.db.getRepository(Payment).find({ where: { ...where, receivedOn: LessThanOrEqual(last) }, order: { receivedOn: 'ASC', createdAt: 'ASC' } }),
    ]);
    const by = new Map<string, CustomerActivity>();
    const of = (cid: string, region: string) => {
      let a = by.get(cid);
      if (!a) by.set(cid, (a = { customerId: cid, region, openingFen: 0, invoicedFen: 0, paidFen: 0, lines: [] }));
      return a;
    };
    for (const i of invoices) {
      const a = of(i.customerId, i.region);
      if (i.issuedOn < first) a.openingFen += toFen(i.amount);
      else {
        a.invoicedFen += toFen(i.amount);
        a.lines.push({ date: i.issuedOn, kind: 'INVOICE', reference: i.number, contractNumber: i.contractNumber, amount: i.amount });
      }
    }
    for (const p of payments) {
      const a = of(p.customerId, p.region);
      if (p.receivedOn < first) a.openingFen -= toFen(p.amount);
      else {
        a.paidFen += toFen(p.amount);
        a.lines.push({ date: p.receivedOn, kind: 'PAYMENT', reference: p.reference ?? '—', contractNumber: p.contractNumber, amount: p.amount });
      }
    }
    return [...by.values()]
      .filter((a) => a.lines.length > 0 || a.openingFen !== 0)
      .map((a) => ({ ...a, lines: a.lines.sort((x, y) => x.date.localeCompare(y.date) || x.kind.localeCompare(y.kind)) }))
      .sort((x, y) => x.customerId.localeCompare(y.customerId));
  }
}

function alreadyAnswered(s: Statement): DomainError {
  const zh = s.status === StatementStatus.CONFIRMED ? '已确认' : '已提出异议';
  return new DomainError(FinanceErrorCode.STATEMENT_ALREADY_ANSWERED, `对账单 ${s.number} ${zh}，不能重复提交`, `Statement ${s.number} was already ${s.status === StatementStatus.CONFIRMED ? 'confirmed' : 'disputed'}`, [], 409);
}

function toCustomerView(s: Statement): StatementForCustomer {
  return {
    number: s.number, customerName: s.customerName, month: s.month, openingBalance: s.openingBalance, invoicedAmount: s.invoicedAmount,
    paidAmount: s.paidAmount, closingBalance: s.closingBalance, lines: s.lines, status: s.status, customerAmount: s.customerAmount,
    customerComment: s.customerComment, respondedAt: s.respondedAt,
  };
}
