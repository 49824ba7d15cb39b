import { demoHealthScore, healthColour } from './health-score';

describe('customer health', () => {
  it('colours scores at the 70 and 40 thresholds', () => {
    expect(healthColour(100)).toBe('GREEN');
    expect(healthColour(70)).toBe('GREEN');
    expect(healthColour(69)).toBe('YELLOW');
    expect(healthColour(40)).toBe('YELLOW');
    expect(healthColour(39)).toBe('RED');
    expect(healthColour(0)).toBe('RED');
  });

  it('gives the same demo score every time, within 0–100, higher for an active contracted customer', () => {
    const now = Date.UTC(2026, 10, 20);
    const active = { id: '0000aaaa-0000', stage: 'CONTRACT', lastInteractionAt: '2026-11-19T00:00:00Z', contractedAmount: 6_000_000 };
    const silent = { ...active, stage: 'LEAD', lastInteractionAt: '2026-09-01T00:00:00Z', contractedAmount: 0 };
    expect(demoHealthScore(active, now)).toBe(demoHealthScore(active, now));
    expect(demoHealthScore(active, now)).toBeGreaterThan(demoHealthScore(silent, now));
    for (const c of [active, silent]) {
      expect(demoHealthScore(c, now)).toBeGreaterThanOrEqual(0);
      expect(demoHealthScore(c, now)).toBeLessThanOrEqual(100);
    }
  });
});
