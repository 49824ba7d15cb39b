import type { PointsEarnRule } from './points-earn-rule.entity';

export const EarnRuleCode = {
  SELL_THROUGH: 'SELL_THROUGH',
  TRAINING_COMPLETED: 'TRAINING_COMPLETED',
  ON_TIME_PAYMENT: 'ON_TIME_PAYMENT',
  TARGET_REACHED: 'TARGET_REACHED',
} as const;
export type EarnRuleCode = (typeof EarnRuleCode)[keyof typeof EarnRuleCode];

/** The rule table's reference data, ensured at start-up (SQLite and MariaDB alike). */
export const DEFAULT_EARN_RULES: readonly PointsEarnRule[] = [
  { code: EarnRuleCode.SELL_THROUGH, points: 1, perAmount: 1000, description: '动销每 1,000 元积 1 分' },
  { code: EarnRuleCode.TRAINING_COMPLETED, points: 100, perAmount: null, description: '完成培训积 100 分' },
  { code: EarnRuleCode.ON_TIME_PAYMENT, points: 50, perAmount: null, description: '按时回款积 50 分' },
  { code: EarnRuleCode.TARGET_REACHED, points: 500, perAmount: null, description: '完成目标积 500 分' },
];

/** The currency amounts are earned in; other currencies earn nothing (incentives keeps no FX rates). */
export const EARN_CURRENCY = 'CNY';

/**
 * Points one occurrence earns under a rule: flat rules their points; per-amount rules their
 * points per *full* perAmount (999.99 CNY earns 0, 1,000 earns 1, 2,999 earns 2). Never negative.
 */
export function pointsEarned(rule: Pick<PointsEarnRule, 'points' | 'perAmount'>, amount = 0): number {
  if (rule.perAmount === null || rule.perAmount === undefined) return rule.points;
  if (!(rule.perAmount > 0) || !Number.isFinite(amount) || amount <= 0) return 0;
  // Round to cents first so 2999.9999999 (float noise) does not lose a unit on an exact boundary.
  const cents = Math.round(amount * 100);
  return Math.floor(cents / (rule.perAmount * 100)) * rule.points;
}
