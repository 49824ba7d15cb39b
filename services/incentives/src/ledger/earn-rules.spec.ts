import { DEFAULT_EARN_RULES, EarnRuleCode, pointsEarned } from './earn-rules';

const rule = (code: string) => DEFAULT_EARN_RULES.find((r) => r.code === code)!;

describe('points earn rules', () => {
  it('has the four rules of the product: sell-through per 1,000 CNY and three flat ones', () => {
    expect(DEFAULT_EARN_RULES.map((r) => [r.code, r.points, r.perAmount])).toEqual([
      ['SELL_THROUGH', 1, 1000],
      ['TRAINING_COMPLETED', 100, null],
      ['ON_TIME_PAYMENT', 50, null],
      ['TARGET_REACHED', 500, null],
    ]);
  });

  it('earns 1 point per full 1,000 CNY of sell-through, rounding down', () => {
    const sellThrough = rule(EarnRuleCode.SELL_THROUGH);
    expect(pointsEarned(sellThrough, 0)).toBe(0);
    expect(pointsEarned(sellThrough, 999.99)).toBe(0);
    expect(pointsEarned(sellThrough, 1000)).toBe(1);
    expect(pointsEarned(sellThrough, 2999.99)).toBe(2);
    expect(pointsEarned(sellThrough, 128_500)).toBe(128);
    // Float noise on an exact boundary does not lose the unit.
    expect(pointsEarned(sellThrough, 0.1 * 30_000)).toBe(3);
    expect(pointsEarned(sellThrough, -5000)).toBe(0);
    expect(pointsEarned(sellThrough, Number.NaN)).toBe(0);
  });

  it('scales per-amount rules by their points and ignores the amount for flat rules', () => {
    expect(pointsEarned({ points: 5, perAmount: 1000 }, 4500)).toBe(20);
    expect(pointsEarned(rule(EarnRuleCode.TRAINING_COMPLETED))).toBe(100);
    expect(pointsEarned(rule(EarnRuleCode.ON_TIME_PAYMENT), 1_000_000)).toBe(50);
    expect(pointsEarned(rule(EarnRuleCode.TARGET_REACHED))).toBe(500);
  });
});
