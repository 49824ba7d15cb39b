import { DomainError } from '@lianxiao/platform';
import { applyPointsDelta, ledgerBalance } from './points-arithmetic';

describe('points arithmetic', () => {
  it('adds up a ledger of earnings and redemptions', () => {
    expect(ledgerBalance([{ delta: 200 }, { delta: 300 }, { delta: -150 }])).toBe(350);
    expect(ledgerBalance([])).toBe(0);
  });

  it('earns and redeems down to exactly zero', () => {
    expect(applyPointsDelta(0, 200)).toBe(200);
    expect(applyPointsDelta(200, -200)).toBe(0);
  });

  it('refuses a redemption that would make the balance negative, naming both numbers', () => {
    let refusal: unknown;
    try {
      applyPointsDelta(100, -101);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe('POINTS_INSUFFICIENT');
    expect((refusal as DomainError).messageZh).toBe('积分不足：当前 100，需要 101');
    expect((refusal as DomainError).messageEn).toBe('Not enough points: balance 100, needed 101');
  });

  it('refuses zero and fractional deltas', () => {
    expect(() => applyPointsDelta(10, 0)).toThrow(DomainError);
    expect(() => applyPointsDelta(10, 1.5)).toThrow(DomainError);
  });
});
