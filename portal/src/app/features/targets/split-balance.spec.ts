import { splitBalance, sumYuan } from './split-balance';

describe('running split difference', () => {
  it('is balanced when quarters add up to the year and months to their quarter, to the cent', () => {
    const b = splitBalance(0.3, [0.1, 0.2, 0, 0], [0.1, 0, 0, 0.2, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(b).toEqual({ quarterSum: 0.3, yearDifference: 0, quarterDifferences: [0, 0, 0, 0], balanced: true });
  });

  it('names what is still short or over, treating empty inputs as 0', () => {
    const b = splitBalance(1000, [260, 250, 250, null], [100, 100, 50, 250, null, 0, 250, 0, 0, 0, 0, 0]);
    expect(b.yearDifference).toBe(240);
    expect(b.quarterDifferences).toEqual([10, 0, 0, 0]);
    expect(b.balanced).toBe(false);
  });

  it('adds product-line parts in cents', () => {
    expect(sumYuan([0.1, 0.2, null])).toBe(0.3);
  });
});
