import { DomainError } from '@lianxiao/platform';

/**
 * The scorecard arithmetic (pure, checked by hand in scorecard-rules.spec.ts):
 * - each indicator's raw figure is scored 0–100 against its threshold: "at least" indicators
 *   score 100 × raw / threshold (capped at 100), "at most" indicators score 100 up to the
 *   threshold and 100 × threshold / raw beyond it;
 * - the rep's score is the weighted mean over the indicators that have data (an indicator
 *   without source records is shown as "no data" and its weight is left out, not scored 0);
 * - the coefficient is the band whose minimum score the rep reached (bands monotonic, 0.6–1.4);
 * - bonus = base commission × coefficient.
 */
export const IndicatorCode = {
  CONTRACT_ACHIEVEMENT: 'CONTRACT_ACHIEVEMENT',
  FIRST_PAYMENT_ON_TIME: 'FIRST_PAYMENT_ON_TIME',
  COMPLAINT_SATISFACTION: 'COMPLAINT_SATISFACTION',
  NEW_PRODUCT_SUCCESS: 'NEW_PRODUCT_SUCCESS',
  PAYMENT_CYCLE: 'PAYMENT_CYCLE',
  RETURN_REPAIR_RATE: 'RETURN_REPAIR_RATE',
  REPURCHASE_POTENTIAL: 'REPURCHASE_POTENTIAL',
  INTERACTION_FREQUENCY: 'INTERACTION_FREQUENCY',
} as const;
export type IndicatorCode = (typeof IndicatorCode)[keyof typeof IndicatorCode];

/** Kinds of entered/imported source records; the contract amount comes from ContractScore. */
export const RecordKind = {
  FIRST_PAYMENT: 'FIRST_PAYMENT',
  COMPLAINT_SURVEY: 'COMPLAINT_SURVEY',
  NEW_PRODUCT_RECOMMENDATION: 'NEW_PRODUCT_RECOMMENDATION',
  PAYMENT_CYCLE: 'PAYMENT_CYCLE',
  RETURN_REPAIR: 'RETURN_REPAIR',
  REPURCHASE_POTENTIAL: 'REPURCHASE_POTENTIAL',
  INTERACTION: 'INTERACTION',
} as const;
export type RecordKind = (typeof RecordKind)[keyof typeof RecordKind];

export interface IndicatorDefinition {
  code: IndicatorCode;
  nameZh: string;
  nameEn: string;
  /** AT_LEAST: higher is better; AT_MOST: lower is better */
  direction: 'AT_LEAST' | 'AT_MOST';
  unit: string;
  recordKind: RecordKind | null;
  /** How the raw figure is made from the records (shown to the user). */
  formulaZh: string;
}

export const INDICATORS: readonly IndicatorDefinition[] = [
  { code: 'CONTRACT_ACHIEVEMENT', nameZh: '签约金额达成率', nameEn: 'Contract amount achievement', direction: 'AT_LEAST', unit: '%', recordKind: null, formulaZh: '本季度签约金额 ÷ 季度目标 × 100' },
  { code: 'FIRST_PAYMENT_ON_TIME', nameZh: '首付款到账及时性', nameEn: 'First payment on time', direction: 'AT_MOST', unit: '天', recordKind: 'FIRST_PAYMENT', formulaZh: '首付款晚于约定日期的平均天数（提前计 0）' },
  { code: 'COMPLAINT_SATISFACTION', nameZh: '客诉处理满意度', nameEn: 'Complaint handling satisfaction', direction: 'AT_LEAST', unit: '分', recordKind: 'COMPLAINT_SURVEY', formulaZh: '售后回访评分平均值（5 分制）' },
  { code: 'NEW_PRODUCT_SUCCESS', nameZh: '新产品推荐成功率', nameEn: 'New product recommendation success', direction: 'AT_LEAST', unit: '%', recordKind: 'NEW_PRODUCT_RECOMMENDATION', formulaZh: '推荐成功次数 ÷ 推荐次数 × 100' },
  { code: 'PAYMENT_CYCLE', nameZh: '回款周期', nameEn: 'Payment cycle', direction: 'AT_MOST', unit: '天', recordKind: 'PAYMENT_CYCLE', formulaZh: '开票到回款的平均天数' },
  { code: 'RETURN_REPAIR_RATE', nameZh: '返修率', nameEn: 'Return/repair rate', direction: 'AT_MOST', unit: '%', recordKind: 'RETURN_REPAIR', formulaZh: '返修数量 ÷ 交付数量 × 100' },
  { code: 'REPURCHASE_POTENTIAL', nameZh: '复购潜力', nameEn: 'Repurchase potential', direction: 'AT_LEAST', unit: '分', recordKind: 'REPURCHASE_POTENTIAL', formulaZh: '客户复购潜力评分平均值（0–100）' },
  { code: 'INTERACTION_FREQUENCY', nameZh: '客户互动频次', nameEn: 'Interaction frequency', direction: 'AT_LEAST', unit: '次', recordKind: 'INTERACTION', formulaZh: '本季度互动次数合计' },
];

export interface IndicatorSetting {
  code: string;
  weight: number;
  threshold: number;
}

export interface CoefficientBand {
  minScore: number;
  coefficient: number;
}

export const DEFAULT_SETTINGS: readonly IndicatorSetting[] = [
  { code: 'CONTRACT_ACHIEVEMENT', weight: 30, threshold: 90 },
  { code: 'FIRST_PAYMENT_ON_TIME', weight: 20, threshold: 7 },
  { code: 'COMPLAINT_SATISFACTION', weight: 15, threshold: 4.5 },
  { code: 'NEW_PRODUCT_SUCCESS', weight: 10, threshold: 25 },
  { code: 'PAYMENT_CYCLE', weight: 7, threshold: 60 },
  { code: 'RETURN_REPAIR_RATE', weight: 6, threshold: 2 },
  { code: 'REPURCHASE_POTENTIAL', weight: 6, threshold: 60 },
  { code: 'INTERACTION_FREQUENCY', weight: 6, threshold: 60 },
];

export const DEFAULT_BANDS: readonly CoefficientBand[] = [
  { minScore: 0, coefficient: 0.6 },
  { minScore: 60, coefficient: 0.8 },
  { minScore: 70, coefficient: 0.9 },
  { minScore: 80, coefficient: 1.0 },
  { minScore: 90, coefficient: 1.2 },
  { minScore: 95, coefficient: 1.4 },
];

export const COEFFICIENT_MIN = 0.6;
export const COEFFICIENT_MAX = 1.4;

export const ScorecardErrorCode = {
  WEIGHTS_NOT_100: 'SCORECARD_WEIGHTS_NOT_100',
  BAD_INDICATORS: 'SCORECARD_BAD_INDICATORS',
  COEFFICIENT_NOT_MONOTONIC: 'SCORECARD_COEFFICIENT_NOT_MONOTONIC',
  COEFFICIENT_OUT_OF_RANGE: 'SCORECARD_COEFFICIENT_OUT_OF_RANGE',
  BAD_QUARTER: 'SCORECARD_BAD_QUARTER',
  QUARTER_CLOSED: 'SCORECARD_QUARTER_CLOSED',
} as const;

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Quarter "2026Q4" → [start, end) in UTC. */
export function quarterRange(quarter: string): { start: Date; end: Date } {
  const m = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!m) throw new DomainError(ScorecardErrorCode.BAD_QUARTER, `季度格式须为 2026Q4：${quarter}`, `A quarter is written 2026Q4, not ${quarter}`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  return { start: new Date(Date.UTC(year, (q - 1) * 3, 1)), end: new Date(Date.UTC(year, q * 3, 1)) };
}

export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** Refuses settings that are not the 8 indicators, weights not totalling 100 %, or a bad mapping. Nothing is saved on refusal. */
export function validateSettings(settings: readonly IndicatorSetting[], bands: readonly CoefficientBand[]): void {
  const codes = settings.map((s) => s.code).sort();
  const expected = INDICATORS.map((i) => i.code as string).sort();
  if (codes.length !== expected.length || codes.some((c, i) => c !== expected[i])) {
    throw new DomainError(ScorecardErrorCode.BAD_INDICATORS, '须为 8 项指标各设置一次权重与阈值', 'Give each of the 8 indicators exactly one weight and threshold', [
      { field: 'indicators', messageZh: `应为：${expected.join('、')}`, messageEn: `expected: ${expected.join(', ')}` },
    ]);
  }
  const bad = settings.filter((s) => !(Number.isFinite(s.weight) && s.weight >= 0 && Number.isFinite(s.threshold) && s.threshold > 0));
  if (bad.length) {
    throw new DomainError(ScorecardErrorCode.BAD_INDICATORS, '权重不能为负，阈值须大于 0', 'Weights must not be negative and thresholds must be above 0', bad.map((s) => ({ field: s.code, messageZh: `${s.code} 权重或阈值无效`, messageEn: `${s.code}: bad weight or threshold` })));
  }
  const total = round2(settings.reduce((sum, s) => sum + s.weight, 0));
  if (Math.abs(total - 100) > 0.001) {
    throw new DomainError(ScorecardErrorCode.WEIGHTS_NOT_100, `权重合计须为 100%，当前为 ${total}%`, `Weights must total 100%; they total ${total}%`, [
      { field: 'indicators', messageZh: `当前合计 ${total}%`, messageEn: `total ${total}%`, total },
    ]);
  }
  if (!bands.length || bands[0].minScore !== 0) {
    throw new DomainError(ScorecardErrorCode.COEFFICIENT_NOT_MONOTONIC, '系数表须从 0 分开始', 'The coefficient mapping must start at score 0');
  }
  for (const b of bands) {
    if (!(b.coefficient >= COEFFICIENT_MIN && b.coefficient <= COEFFICIENT_MAX)) {
      throw new DomainError(ScorecardErrorCode.COEFFICIENT_OUT_OF_RANGE, `系数须在 0.6 到 1.4 之间：${b.coefficient}`, `Coefficients must lie in [0.6, 1.4]: ${b.coefficient}`);
    }
  }
  for (let i = 1; i < bands.length; i++) {
    if (!(bands[i].minScore > bands[i - 1].minScore) || bands[i].coefficient < bands[i - 1].coefficient || bands[i].minScore > 100) {
      throw new DomainError(ScorecardErrorCode.COEFFICIENT_NOT_MONOTONIC, '系数须随得分单调不减，分数段须递增', 'The coefficient must not fall as the score rises, and score bands must increase', [
        { field: `bands[${i}]`, messageZh: `第 ${i + 1} 段：${bands[i].minScore} 分 → ${bands[i].coefficient}`, messageEn: `band ${i + 1}: ${bands[i].minScore} → ${bands[i].coefficient}` },
      ]);
    }
  }
}

/** 0–100 score of a raw figure against its threshold. */
export function indicatorScore(direction: IndicatorDefinition['direction'], raw: number, threshold: number): number {
  if (direction === 'AT_LEAST') return round2(Math.min(100, Math.max(0, (100 * raw) / threshold)));
  if (raw <= threshold) return 100;
  return round2(Math.max(0, (100 * threshold) / raw));
}

export interface IndicatorResult {
  code: IndicatorCode;
  weight: number;
  threshold: number;
  raw: number | null;
  score: number | null;
}

/** Weighted mean over the indicators with data; 0 when none has data. */
export function weightedScore(results: readonly IndicatorResult[]): number {
  const withData = results.filter((r) => r.score !== null && r.weight > 0);
  const weights = withData.reduce((s, r) => s + r.weight, 0);
  if (!weights) return 0;
  return round2(withData.reduce((s, r) => s + r.weight * (r.score as number), 0) / weights);
}

export function coefficientFor(score: number, bands: readonly CoefficientBand[]): number {
  let c = bands[0]?.coefficient ?? 1;
  for (const b of bands) if (score >= b.minScore) c = b.coefficient;
  return c;
}

export function bonusOf(baseCommission: number, coefficient: number): number {
  return round2(baseCommission * coefficient);
}

export interface RawRecord {
  kind: string;
  value: number;
  value2: number | null;
}

/** The raw figure of one indicator from its records; null = no data. */
export function rawFigure(code: IndicatorCode, records: readonly RawRecord[], contract: { amount: number; target: number | null }): number | null {
  const def = INDICATORS.find((i) => i.code === code)!;
  if (code === 'CONTRACT_ACHIEVEMENT') return contract.target && contract.target > 0 ? round2((100 * contract.amount) / contract.target) : null;
  const mine = records.filter((r) => r.kind === def.recordKind);
  if (!mine.length) return null;
  const avg = (vals: number[]) => round2(vals.reduce((a, b) => a + b, 0) / vals.length);
  switch (code) {
    case 'FIRST_PAYMENT_ON_TIME':
      return avg(mine.map((r) => Math.max(0, r.value)));
    case 'NEW_PRODUCT_SUCCESS':
      return round2((100 * mine.filter((r) => r.value > 0).length) / mine.length);
    case 'RETURN_REPAIR_RATE': {
      const delivered = mine.reduce((s, r) => s + (r.value2 ?? 0), 0);
      return delivered > 0 ? round2((100 * mine.reduce((s, r) => s + r.value, 0)) / delivered) : null;
    }
    case 'INTERACTION_FREQUENCY':
      return mine.reduce((s, r) => s + r.value, 0);
    default:
      return avg(mine.map((r) => r.value));
  }
}

export function evaluate(settings: readonly IndicatorSetting[], records: readonly RawRecord[], contract: { amount: number; target: number | null }): IndicatorResult[] {
  return INDICATORS.map((def) => {
    const s = settings.find((x) => x.code === def.code) ?? DEFAULT_SETTINGS.find((x) => x.code === def.code)!;
    const raw = rawFigure(def.code, records, contract);
    return { code: def.code, weight: s.weight, threshold: s.threshold, raw, score: raw === null ? null : indicatorScore(def.direction, raw, s.threshold) };
  });
}
