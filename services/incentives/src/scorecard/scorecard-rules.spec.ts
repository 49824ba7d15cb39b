import { DomainError } from '@lianxiao/platform';
import { bonusOf, coefficientFor, DEFAULT_BANDS, DEFAULT_SETTINGS, evaluate, quarterRange, RawRecord, validateSettings, weightedScore } from './scorecard-rules';

describe('scorecard arithmetic for a fixture quarter', () => {
  // Rep with a 1,000,000 target who signed 810,000 in the quarter, and these records:
  const records: RawRecord[] = [
    { kind: 'FIRST_PAYMENT', value: 3, value2: null }, { kind: 'FIRST_PAYMENT', value: 11, value2: null }, { kind: 'FIRST_PAYMENT', value: -2, value2: null },
    { kind: 'COMPLAINT_SURVEY', value: 4, value2: null }, { kind: 'COMPLAINT_SURVEY', value: 5, value2: null },
    { kind: 'NEW_PRODUCT_RECOMMENDATION', value: 1, value2: null }, { kind: 'NEW_PRODUCT_RECOMMENDATION', value: 0, value2: null },
    { kind: 'NEW_PRODUCT_RECOMMENDATION', value: 0, value2: null }, { kind: 'NEW_PRODUCT_RECOMMENDATION', value: 0, value2: null },
    { kind: 'NEW_PRODUCT_RECOMMENDATION', value: 0, value2: null },
    { kind: 'PAYMENT_CYCLE', value: 45, value2: null }, { kind: 'PAYMENT_CYCLE', value: 75, value2: null },
    { kind: 'RETURN_REPAIR', value: 3, value2: 100 },
    { kind: 'INTERACTION', value: 30, value2: null }, { kind: 'INTERACTION', value: 24, value2: null },
    // no REPURCHASE_POTENTIAL record: "no data", its 6 % is left out
  ];
  const results = evaluate(DEFAULT_SETTINGS, records, { amount: 810_000, target: 1_000_000 });
  const byCode = Object.fromEntries(results.map((r) => [r.code, r]));

  it('scores each indicator against its threshold', () => {
    // 810,000 / 1,000,000 = 81 % achieved; ≥ 90 % wanted → 100 × 81 / 90 = 90
    expect(byCode.CONTRACT_ACHIEVEMENT).toMatchObject({ raw: 81, score: 90 });
    // days late: 3, 11, 0 (early counts 0) → 14 / 3 = 4.67 ≤ 7 → 100
    expect(byCode.FIRST_PAYMENT_ON_TIME).toMatchObject({ raw: 4.67, score: 100 });
    // surveys (4 + 5) / 2 = 4.5 ≥ 4.5 → 100
    expect(byCode.COMPLAINT_SATISFACTION).toMatchObject({ raw: 4.5, score: 100 });
    // 1 success of 5 = 20 %; ≥ 25 % wanted → 100 × 20 / 25 = 80
    expect(byCode.NEW_PRODUCT_SUCCESS).toMatchObject({ raw: 20, score: 80 });
    // (45 + 75) / 2 = 60 days ≤ 60 → 100
    expect(byCode.PAYMENT_CYCLE).toMatchObject({ raw: 60, score: 100 });
    // 3 / 100 = 3 %; ≤ 2 % wanted → 100 × 2 / 3 = 66.67
    expect(byCode.RETURN_REPAIR_RATE).toMatchObject({ raw: 3, score: 66.67 });
    expect(byCode.REPURCHASE_POTENTIAL).toMatchObject({ raw: null, score: null });
    // 30 + 24 = 54 interactions; ≥ 60 wanted → 100 × 54 / 60 = 90
    expect(byCode.INTERACTION_FREQUENCY).toMatchObject({ raw: 54, score: 90 });
  });

  it('weights the scores, maps the coefficient and computes the bonus', () => {
    // (30×90 + 20×100 + 15×100 + 10×80 + 7×100 + 6×66.67 + 6×90) / (100 − 6)
    // = (2700 + 2000 + 1500 + 800 + 700 + 400.02 + 540) / 94 = 8640.02 / 94 = 91.915… → 91.92
    const score = weightedScore(results);
    expect(score).toBe(91.92);
    // 91.92 ≥ 90 and < 95 → 1.2
    expect(coefficientFor(score, DEFAULT_BANDS)).toBe(1.2);
    // base commission 20,000 × 1.2 = 24,000
    expect(bonusOf(20_000, 1.2)).toBe(24_000);
    expect(coefficientFor(59.99, DEFAULT_BANDS)).toBe(0.6);
    expect(coefficientFor(100, DEFAULT_BANDS)).toBe(1.4);
  });
});

describe('scorecard settings', () => {
  const codeOf = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      return e instanceof DomainError ? { code: e.code, zh: e.messageZh, en: e.messageEn } : String(e);
    }
    return null;
  };

  it('refuses weights that do not total 100 %, naming the total', () => {
    const settings = DEFAULT_SETTINGS.map((s) => (s.code === 'CONTRACT_ACHIEVEMENT' ? { ...s, weight: 35 } : s));
    expect(codeOf(() => validateSettings(settings, DEFAULT_BANDS))).toEqual({ code: 'SCORECARD_WEIGHTS_NOT_100', zh: '权重合计须为 100%，当前为 105%', en: 'Weights must total 100%; they total 105%' });
    expect(codeOf(() => validateSettings(DEFAULT_SETTINGS, DEFAULT_BANDS))).toBeNull();
  });

  it('refuses a coefficient mapping that falls or leaves [0.6, 1.4]', () => {
    expect(codeOf(() => validateSettings(DEFAULT_SETTINGS, [{ minScore: 0, coefficient: 0.8 }, { minScore: 50, coefficient: 0.7 }]))).toMatchObject({ code: 'SCORECARD_COEFFICIENT_NOT_MONOTONIC' });
    expect(codeOf(() => validateSettings(DEFAULT_SETTINGS, [{ minScore: 0, coefficient: 0.6 }, { minScore: 90, coefficient: 1.5 }]))).toMatchObject({ code: 'SCORECARD_COEFFICIENT_OUT_OF_RANGE' });
  });

  it('reads quarters', () => {
    expect(quarterRange('2026Q4')).toEqual({ start: new Date('2026-10-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });
    expect(codeOf(() => quarterRange('2026-4'))).toMatchObject({ code: 'SCORECARD_BAD_QUARTER' });
  });
});
