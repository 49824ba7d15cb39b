import type { PRODUCTION_ZH } from './production.zh';

export const PRODUCTION_EN: Record<keyof typeof PRODUCTION_ZH, string> = {
  'production.menu': 'Capacity queue',
  'production.title': 'Capacity priority queue',
  'production.rank': 'Rank',
  'production.contract': 'Contract',
  'production.signedAt': 'Signed',
  'production.score': 'Score',
  'production.margin': 'Margin',
  'production.urgency': 'Urgency',
  'production.health': 'Customer health',
  'production.hint': 'Score = margin 50 % + urgency 30 % + customer health 20 %; roles that may not read margins see the margin tier only.',
  'production.tier.HIGH': 'High margin',
  'production.tier.MEDIUM': 'Medium margin',
  'production.tier.LOW': 'Low margin',
};
