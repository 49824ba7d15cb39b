import { ageingByCustomer, dsoByGroup, LedgerEntry } from './dso-math';

const e = (customerId: string, region: string, date: string, yuan: number, kind: 'INVOICE' | 'PAYMENT'): LedgerEntry => ({ customerId, region, date, fen: yuan * 100, kind });

describe('DSO', () => {
  const entries = [
    e('a', '华东', '2026-09-10', 100_000, 'INVOICE'),
    e('a', '华东', '2026-10-05', 60_000, 'PAYMENT'),
    e('a', '华东', '2026-10-20', 30_000, 'INVOICE'),
    e('b', '华东', '2026-10-03', 50_000, 'INVOICE'),
    e('c', '华南', '2026-10-08', 10_000, 'PAYMENT'), // advance: floored at 0, not negative receivables
    e('c', '华南', '2026-11-02', 40_000, 'INVOICE'),
  ];

  it('is receivables at month end / revenue of the month × days, per region', () => {
    const byRegion = dsoByGroup(entries, '2026-10', (x) => x.region);
    // 华东: receivables = a (100 000 − 60 000 + 30 000 = 70 000) + b 50 000 = 120 000;
    // revenue in October = 30 000 + 50 000 = 80 000; DSO = 120 000 / 80 000 × 31 = 46.5 days.
    expect(byRegion.get('华东')).toEqual({ month: '2026-10', receivablesFen: 12_000_000, revenueFen: 8_000_000, days: 31, dso: 46.5 });
    // 华南: only an advance payment, no revenue → no DSO.
    expect(byRegion.get('华南')).toEqual({ month: '2026-10', receivablesFen: 0, revenueFen: 0, days: 31, dso: null });
  });

  it('ages open invoices oldest-first after payments', () => {
    const ageing = ageingByCustomer(entries, '2026-11-30');
    // a: the 100 000 invoice of 09-10 (81 days) has 40 000 open; the 30 000 of 10-20 (41 days) is open.
    expect(ageing.get('a')).toEqual({ region: '华东', d0to30: 0, d31to60: 3_000_000, d61to90: 4_000_000, over90: 0 });
    // c: 40 000 invoiced 11-02 (28 days) minus the 10 000 advance.
    expect(ageing.get('c')).toEqual({ region: '华南', d0to30: 3_000_000, d31to60: 0, d61to90: 0, over90: 0 });
  });
});
