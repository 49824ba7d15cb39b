import type { Contract } from '../contract/contract.entity';
import { firstPaymentTimeliness } from './finance-ledger.service';
import { hasAtMostTwoDecimals, monthBounds, toFen } from './money';

const contract = { id: 'c', number: 'HT-2026-0001', customerId: 'k', ownerId: 'o', region: '华东', firstPaymentDueDate: '2026-10-31' } as Contract;

describe('first-payment timeliness (scorecard: ≤ 7 days after the agreed date)', () => {
  it.each([
    ['2026-10-25', -6, 'ON_TIME'],
    ['2026-11-07', 7, 'ON_TIME'],
    ['2026-11-08', 8, 'LATE'],
  ])('paid %s → %i days, %s', (paidOn, days, status) => {
    expect(firstPaymentTimeliness(contract, paidOn, '2026-12-01')).toMatchObject({ daysLate: days, status, onTime: status === 'ON_TIME' });
  });

  it('counts an unpaid contract as pending, then overdue after 7 days', () => {
    expect(firstPaymentTimeliness(contract, null, '2026-11-05')).toMatchObject({ status: 'PENDING', daysLate: 5, onTime: false });
    expect(firstPaymentTimeliness(contract, null, '2026-11-09')).toMatchObject({ status: 'OVERDUE', daysLate: 9 });
  });
});

describe('money', () => {
  it('keeps yuan to two decimals and sums in fen', () => {
    expect(hasAtMostTwoDecimals(1000.5)).toBe(true);
    expect(hasAtMostTwoDecimals(0.1 + 0.2)).toBe(true);
    expect(hasAtMostTwoDecimals(10.005)).toBe(false);
    expect(toFen(0.1) + toFen(0.2)).toBe(30);
    expect(monthBounds('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29', days: 29 });
  });
});
