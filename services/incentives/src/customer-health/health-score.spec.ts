import { demoHealthScore, healthColour, healthScore } from './health-score';

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

describe('customer health from event inputs', () => {
  const now = Date.UTC(2026, 10, 20);
  it('adds payment (40), recency (20) + volume (10) and demand match (30)', () => {
    // all first payments on time 40 + spoke today 20 + 5 interactions → 10 + CONTRACT 30 = 100
    expect(healthScore({ paymentRate: 1, lastInteractionAt: new Date(now), interactions90d: 5, stage: 'CONTRACT' }, now)).toBe(100);
    // half on time 20 + silent 33.5 days: 20 × (1 − 26.5 / 53) = 10 + 1 interaction 2 + SAMPLING 15 = 47
    expect(healthScore({ paymentRate: 0.5, lastInteractionAt: new Date(now - 33.5 * 86_400_000), interactions90d: 1, stage: 'SAMPLING' }, now)).toBe(47);
    // no payment yet (neutral 0.8 → 32), never spoken, a lead 5 → 37: RED
    expect(healthColour(healthScore({ paymentRate: null, lastInteractionAt: null, interactions90d: 0, stage: 'LEAD' }, now))).toBe('RED');
  });
});
