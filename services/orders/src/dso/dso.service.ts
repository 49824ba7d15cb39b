import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Caller, DomainError } from '@lianxiao/platform';
import { applyHqScope } from '../access/hq-scope';
import { Invoice } from '../invoice/invoice.entity';
import { Payment } from '../payment/payment.entity';
import { CustomerFinanceContact } from '../finance/customer-finance-contact.entity';
import { isDate, monthBounds, toFen, toYuan } from '../finance/money';
import { ageingByCustomer, dsoByGroup, LedgerEntry, monthsBetween } from './dso-math';
import { AgeingRow, DsoDimension, DsoSeries, DsoTrendArgs, ReceivablesAgeing } from './dso.dto';

const TOTAL_LABEL = '全公司';

@Injectable()
export class DsoService {
  constructor(private readonly db: DataSource) {}

  async trend(caller: Caller, args: DsoTrendArgs): Promise<DsoSeries[]> {
    const months = monthsBetween(args.fromMonth, args.toMonth);
    if (!months.length || months.length > 37) {
      throw DomainError.validation([{ field: 'toMonth', messageZh: '月份格式须为 YYYY-MM，且起止月份相差不超过 36 个月', messageEn: 'months must be YYYY-MM, fromMonth ≤ toMonth, at most 36 months apart' }]);
    }
    const entries = await this.entries(caller, monthBounds(args.toMonth).last, args);
    const groupOf =
      args.dimension === DsoDimension.REGION ? (e: { region: string }) => e.region : args.dimension === DsoDimension.CUSTOMER ? (e: { customerId: string }) => e.customerId : () => 'TOTAL';
    const perMonth = months.map((m) => dsoByGroup(entries, m, groupOf));
    let keys = [...new Set(perMonth.flatMap((m) => [...m.keys()]))];
    if (args.dimension === DsoDimension.CUSTOMER) {
      const last = perMonth[perMonth.length - 1];
      keys = keys.sort((a, b) => (last.get(b)?.receivablesFen ?? 0) - (last.get(a)?.receivablesFen ?? 0) || a.localeCompare(b)).slice(0, Math.min(Math.max(args.top, 1), 50));
    } else keys.sort();
    const names = args.dimension === DsoDimension.CUSTOMER ? await this.customerNames(keys) : new Map<string, string>();
    return keys.map((key) => ({
      key,
      label: key === 'TOTAL' ? TOTAL_LABEL : names.get(key) ?? key,
      points: months.map((month, i) => {
        const f = perMonth[i].get(key);
        const days = monthBounds(month).days;
        return f
          ? { month, receivables: toYuan(f.receivablesFen), revenue: toYuan(f.revenueFen), days, dso: f.dso }
          : { month, receivables: 0, revenue: 0, days, dso: null };
      }),
    }));
  }

  async ageing(caller: Caller, asOf: string | undefined, region: string | undefined): Promise<ReceivablesAgeing> {
    const day = asOf ?? new Date().toISOString().slice(0, 10);
    if (!isDate(day)) throw DomainError.validation([{ field: 'asOf', messageZh: '日期格式须为 YYYY-MM-DD', messageEn: 'asOf must be YYYY-MM-DD' }]);
    const byCustomer = ageingByCustomer(await this.entries(caller, day, { region }), day);
    const names = await this.customerNames([...byCustomer.keys()]);
    const rows: AgeingRow[] = [...byCustomer.entries()].map(([customerId, b]) => {
      const total = b.d0to30 + b.d31to60 + b.d61to90 + b.over90;
      return {
        customerId, customerName: names.get(customerId) ?? customerId, region: b.region,
        days0to30: toYuan(b.d0to30), days31to60: toYuan(b.d31to60), days61to90: toYuan(b.d61to90), over90: toYuan(b.over90), total: toYuan(total),
      };
    });
    rows.sort((a, b) => b.total - a.total || a.customerName.localeCompare(b.customerName));
    const sum = (f: (r: AgeingRow) => number) => toYuan(rows.reduce((s, r) => s + toFen(f(r)), 0));
    return {
      asOf: day,
      rows,
      totals: {
        customerId: null, customerName: '合计', region: region ?? '',
        days0to30: sum((r) => r.days0to30), days31to60: sum((r) => r.days31to60), days61to90: sum((r) => r.days61to90), over90: sum((r) => r.over90), total: sum((r) => r.total),
      },
    };
  }

  private async entries(caller: Caller, until: string, filter: { customerId?: string; region?: string }): Promise<LedgerEntry[]> {
    const load = async <T extends Invoice | Payment>(entity: new () => T, dateColumn: 'issuedOn' | 'receivedOn') => {
      const qb = applyHqScope(this.db.getRepository<T>(entity).createQueryBuilder('f'), 'f', caller)
        .select(['f.customerId', 'f.region', `f.${dateColumn}`, 'f.amount'])
        .andWhere(`f.${dateColumn} <= :until`, { until });
      if (filter.customerId) qb.andWhere('f.customerId = :customerId', { customerId: filter.customerId });
      if (filter.region) qb.andWhere('f.region = :region', { region: filter.region });
      return qb.getMany();
    };
    const [invoices, payments] = await Promise.all([load(Invoice, 'issuedOn'), load(Payment, 'receivedOn')]);
    return [
      ...invoices.map((i): LedgerEntry => ({ customerId: i.customerId, region: i.region, date: i.issuedOn, fen: toFen(i.amount), kind: 'INVOICE' })),
      ...payments.map((p): LedgerEntry => ({ customerId: p.customerId, region: p.region, date: p.receivedOn, fen: toFen(p.amount), kind: 'PAYMENT' })),
    ];
  }

  private async customerNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.db.getRepository(CustomerFinanceContact).findBy({ customerId: In(ids) });
    return new Map(rows.map((r) => [r.customerId, r.customerName]));
  }
}
