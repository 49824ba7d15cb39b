import { monthsForSlot } from './statement-schedule';

describe('monthly statement slot', () => {
  it('covers the previous month in Beijing time', () => {
    // 2026-12-01 01:00 +08:00 = 2026-11-30 17:00 UTC
    expect(monthsForSlot(new Date('2026-11-30T17:00:00Z'), 0)).toEqual(['2026-11']);
    expect(monthsForSlot(new Date('2027-01-01T17:00:00Z'), 0)).toEqual(['2026-12']);
  });

  it('catches up the months missed during downtime', () => {
    expect(monthsForSlot(new Date('2027-02-28T17:00:00Z'), 2)).toEqual(['2026-12', '2027-01', '2027-02']);
  });
});
