import { annualisedTurnover, DEFAULT_STOCK_THRESHOLDS as T, skuHealth, suggestTransfer } from './stock-health';
import { nearness } from './province-adjacency';
import { isIsoWeek, isoWeekOf, weekMonday, weeksEndingAt } from './iso-week';

describe('weeks of cover and slow movers', () => {
  it('divides stock by the average weekly sell-through of the last 8 weeks', () => {
    const h = skuHealth({ skuCode: 'WJ-001', onHand: 120, soldInWindow: 80, weeksSinceLastSale: 0 }, T);
    expect(h.avgWeeklySales).toBe(10);
    expect(h.weeksOfCover).toBe(12);
    expect(h.slow).toBe(false);
  });
  it('flags cover above the threshold and stock without sales', () => {
    expect(skuHealth({ skuCode: 'A', onHand: 130, soldInWindow: 80, weeksSinceLastSale: 0 }, T).reasons).toEqual(['COVER_ABOVE_THRESHOLD']);
    const dead = skuHealth({ skuCode: 'B', onHand: 40, soldInWindow: 0, weeksSinceLastSale: null }, T);
    expect(dead.weeksOfCover).toBeNull();
    expect(dead.reasons).toEqual(['COVER_ABOVE_THRESHOLD', 'NO_SALES']);
  });
  it('calls a selling SKU with under 2 weeks of cover short', () => {
    expect(skuHealth({ skuCode: 'C', onHand: 5, soldInWindow: 40, weeksSinceLastSale: 0 }, T).short).toBe(true);
  });
});

describe('transfer suggestion', () => {
  const ours = skuHealth({ skuCode: 'X', onHand: 200, soldInWindow: 0, weeksSinceLastSale: null }, T);
  const short = (dealerId: string, code: string, provinces: string[], region: string, onHand: number, sold: number) => ({
    dealerId, code, name: code, provinces, region, health: skuHealth({ skuCode: 'X', onHand, soldInWindow: sold, weeksSinceLastSale: 0 }, T),
  });
  it('picks the nearest short dealer and sends what it needs for 6 weeks', () => {
    const from = { dealerId: 'd5', provinces: ['350000'], region: '华东' };
    const s = suggestTransfer(from, ours, [
      short('d1', 'D01', ['310000'], '华东', 0, 400),
      short('d6', 'D06', ['360000'], '华东', 2, 40),
      short('d9', 'D09', ['450000'], '华南', 0, 800),
    ], T);
    expect(s).toMatchObject({ code: 'D06', nearness: 1, quantity: 28, theirCoverBefore: 0.4, theirCoverAfter: 6 });
  });
  it('suggests nothing when nobody is short', () => {
    expect(suggestTransfer({ dealerId: 'd5', provinces: ['350000'], region: '华东' }, ours, [short('d6', 'D06', ['360000'], '华东', 100, 40)], T)).toBeNull();
  });
  it('ranks same province before neighbours before region', () => {
    expect(nearness({ provinces: ['350000'], region: '华东' }, { provinces: ['350000'], region: '华东' })).toBe(0);
    expect(nearness({ provinces: ['350000'], region: '华东' }, { provinces: ['440000'], region: '华南' })).toBe(1);
    expect(nearness({ provinces: ['310000'], region: '华东' }, { provinces: ['370000'], region: '华东' })).toBe(2);
    expect(nearness({ provinces: ['310000'], region: '华东' }, { provinces: ['650000'], region: '西北' })).toBe(3);
  });
});

describe('ISO weeks and turnover', () => {
  it('names weeks on the China clock', () => {
    expect(isoWeekOf(Date.UTC(2026, 10, 22, 16, 30))).toBe('2026-W48'); // Mon 00:30 in Beijing
    expect(isoWeekOf(Date.UTC(2026, 10, 22, 15, 30))).toBe('2026-W47');
    expect(weekMonday('2026-W48')).toBe('2026-11-23');
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2025-W53')).toBe(false);
    expect(weeksEndingAt(Date.UTC(2026, 0, 6), 3)).toEqual(['2025-W52', '2026-W01', '2026-W02']);
  });
  it('annualises sell-through over average stock', () => {
    expect(annualisedTurnover(1000, 2000, 12)).toBe(2.17);
    expect(annualisedTurnover(1000, 0, 12)).toBeNull();
  });
});
