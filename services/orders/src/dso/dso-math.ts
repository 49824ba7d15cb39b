import { addMonths, daysBetween, isMonth, monthBounds } from '../finance/money';

/** One invoice (+) or payment (−) in fen, as the DSO and ageing calculations see it. */
export interface LedgerEntry {
  customerId: string;
  region: string;
  date: string;
  fen: number;
  kind: 'INVOICE' | 'PAYMENT';
}

export interface DsoFigure {
  month: string;
  receivablesFen: number;
  revenueFen: number;
  days: number;
  /** receivables / revenue × days, one decimal; null when the month had no revenue. */
  dso: number | null;
}

export type DsoGroupOf = (entry: { customerId: string; region: string }) => string;

export function monthsBetween(from: string, to: string): string[] {
  if (!isMonth(from) || !isMonth(to) || from > to) return [];
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 120; m = addMonths(m, 1)) out.push(m);
  return out;
}

/**
 * Monthly DSO per group: receivables at the month's last day / the month's invoiced revenue × days
 * in the month. Receivables are summed per customer and floored at 0 (a customer's advance payment
 * is a liability, not negative receivables of the group).
 */
export function dsoByGroup(entries: LedgerEntry[], month: string, groupOf: DsoGroupOf): Map<string, DsoFigure> {
  const { first, last, days } = monthBounds(month);
  const balance = new Map<string, { group: string; fen: number }>();
  const revenue = new Map<string, number>();
  for (const e of entries) {
    if (e.date > last) continue;
    const group = groupOf(e);
    const b = balance.get(e.customerId) ?? { group, fen: 0 };
    b.fen += e.kind === 'INVOICE' ? e.fen : -e.fen;
    balance.set(e.customerId, b);
    if (e.kind === 'INVOICE' && e.date >= first) revenue.set(group, (revenue.get(group) ?? 0) + e.fen);
    if (!revenue.has(group)) revenue.set(group, revenue.get(group) ?? 0);
  }
  const receivables = new Map<string, number>();
  for (const b of balance.values()) receivables.set(b.group, (receivables.get(b.group) ?? 0) + Math.max(0, b.fen));
  const out = new Map<string, DsoFigure>();
  for (const [group, receivablesFen] of receivables) {
    const revenueFen = revenue.get(group) ?? 0;
    out.set(group, { month, receivablesFen, revenueFen, days, dso: dsoValue(receivablesFen, revenueFen, days) });
  }
  return out;
}

export function dsoValue(receivablesFen: number, revenueFen: number, days: number): number | null {
  return revenueFen > 0 ? Math.round((receivablesFen / revenueFen) * days * 10) / 10 : null;
}

export interface AgeingBuckets {
  d0to30: number;
  d31to60: number;
  d61to90: number;
  over90: number;
}

/**
 * Receivables ageing as of a date: per customer, payments settle the oldest invoices first; what
 * is left of each invoice is aged by the days since it was issued (0–30, 31–60, 61–90, > 90).
 */
export function ageingByCustomer(entries: LedgerEntry[], asOf: string): Map<string, AgeingBuckets & { region: string }> {
  const per = new Map<string, { region: string; invoices: LedgerEntry[]; paidFen: number }>();
  for (const e of entries) {
    if (e.date > asOf) continue;
    const p = per.get(e.customerId) ?? { region: e.region, invoices: [], paidFen: 0 };
    if (e.kind === 'INVOICE') p.invoices.push(e);
    else p.paidFen += e.fen;
    per.set(e.customerId, p);
  }
  const out = new Map<string, AgeingBuckets & { region: string }>();
  for (const [customerId, p] of per) {
    const buckets = { region: p.region, d0to30: 0, d31to60: 0, d61to90: 0, over90: 0 };
    let credit = p.paidFen;
    for (const inv of p.invoices.sort((a, b) => a.date.localeCompare(b.date))) {
      const settled = Math.min(credit, inv.fen);
      credit -= settled;
      const open = inv.fen - settled;
      if (open <= 0) continue;
      const age = daysBetween(inv.date, asOf);
      if (age <= 30) buckets.d0to30 += open;
      else if (age <= 60) buckets.d31to60 += open;
      else if (age <= 90) buckets.d61to90 += open;
      else buckets.over90 += open;
    }
    if (buckets.d0to30 + buckets.d31to60 + buckets.d61to90 + buckets.over90 > 0) out.set(customerId, buckets);
  }
  return out;
}
