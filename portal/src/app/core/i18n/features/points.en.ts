import type { POINTS_ZH } from './points.zh';

export const POINTS_EN: Record<keyof typeof POINTS_ZH, string> = {
  'points.menu': 'Points',
  'points.title': 'Points',
  'points.balance': 'Balance',
  'points.catalogue': 'Marketing materials',
  'points.cost': '{points} pts per {unit}',
  'points.stock': '{n} left',
  'points.redeem': 'Redeem',
  'points.confirm': 'Redeem {name} for {points} points?',
  'points.redeemed': 'Redeemed {name}; {balance} points left',
  'points.statement': 'Statement',
};
