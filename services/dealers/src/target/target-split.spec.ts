import { DomainError } from '@lianxiao/platform';
import { allocate, assertSplitAddsUp, findSplitMismatches, formatYuan, suggestSplit, TARGET_SPLIT_MISMATCH } from './target-split';

const evenMonths = (q: number) => [q / 3, q / 3, q / 3];

describe('target split arithmetic', () => {
  const quarters = [250000, 250000, 250000, 250000];
  const months = [200000, 25000, 25000, 100000, 100000, 50000, 83333.34, 83333.33, 83333.33, 0, 0, 250000];

  it('accepts a split whose quarters and months add up, to the cent', () => {
    expect(findSplitMismatches(1_000_000, quarters, months)).toEqual([]);
    expect(() => assertSplitAddsUp(1_000_000, quarters, months)).not.toThrow();
    expect(findSplitMismatches(0.3, [0.1, 0.2, 0, 0], [0.1, 0, 0, 0.2, 0, 0, 0, 0, 0, 0, 0, 0])).toEqual([]);
  });

  it('names the difference between the quarters and the annual figure in zh and en', () => {
    const q = [240000, 250000, 250000, 250000];
    const m = [...evenMonths(240000), ...months.slice(3)];
    const [mismatch, ...rest] = findSplitMismatches(1_000_000, q, m);
    expect(rest).toEqual([]);
    expect(mismatch.scope).toBe('year');
    expect(mismatch.difference).toBe(10000);
    expect(mismatch.messageZh).toBe('季度合计 990000 与年度目标 1000000 相差 10000');
    expect(mismatch.messageEn).toContain('a difference of 10000');
  });

  it('names each quarter whose months do not add up', () => {
    const m = [...months];
    m[4] = 99999.5; // Q2 short by 0.50
    m[11] = 250001; // Q4 over by 1
    const found = findSplitMismatches(1_000_000, quarters, m);
    expect(found.map((f) => f.scope)).toEqual(['Q2', 'Q4']);
    expect(found[0].messageZh).toBe('Q2（4–6 月）月度合计 249999.50 与季度目标 250000 相差 0.50');
    expect(found[1].difference).toBe(-1);
  });

  it('refuses with TARGET_SPLIT_MISMATCH and details', () => {
    try {
      assertSplitAddsUp(1_000_000, [240000, 250000, 250000, 250000], months);
      fail('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const err = e as DomainError;
      expect(err.code).toBe(TARGET_SPLIT_MISMATCH);
      expect(err.messageZh).toContain('相差 10000');
      expect(err.details.length).toBe(2); // the year and Q1
    }
  });

  it('refuses a wrong shape or negative amounts as VALIDATION_FAILED', () => {
    expect(() => assertSplitAddsUp(100, [100], months)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => assertSplitAddsUp(100, [100, 0, 0, 0], [...months.slice(0, 11), -1])).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => assertSplitAddsUp(100, [100, 0, 0, 0.001], months)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('formats yuan amounts', () => {
    expect(formatYuan(100000000)).toBe('1000000');
    expect(formatYuan(50)).toBe('0.50');
  });
});

describe('split suggestion', () => {
  it('allocates whole yuan by largest remainder so the parts add up exactly', () => {
    const parts = allocate(100_000_000, new Array(12).fill(1)); // 1 000 000 yuan in cents
    expect(parts.reduce((a, b) => a + b, 0)).toBe(100_000_000);
    expect(parts.every((p) => p % 100 === 0)).toBe(true);
    expect(Math.max(...parts) - Math.min(...parts)).toBe(100);
  });

  it('falls back to an even split without history and the result passes the split check', () => {
    const s = suggestSplit(8_000_000, new Array(12).fill(0));
    expect(s.basis).toBe('EVEN');
    expect(s.months.reduce((a, b) => a + b, 0)).toBe(8_000_000);
    expect(findSplitMismatches(8_000_000, s.quarters, s.months)).toEqual([]);
  });

  it("follows last year's seasonality", () => {
    const history = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3];
    const s = suggestSplit(1_000_001, history);
    expect(s.basis).toBe('LAST_YEAR_SELL_THROUGH');
    expect(s.months.slice(0, 10).every((m) => m === 0)).toBe(true);
    expect(s.months[11]).toBeGreaterThan(s.months[10]);
    expect(s.quarters[3]).toBe(1_000_001);
    expect(findSplitMismatches(1_000_001, s.quarters, s.months)).toEqual([]);
  });

  it('handles an annual figure with cents', () => {
    const s = suggestSplit(1000.07, new Array(12).fill(0));
    expect(findSplitMismatches(1000.07, s.quarters, s.months)).toEqual([]);
  });
});
