import type { DEALER_HOME_ZH } from './dealer-home.zh';

export const DEALER_HOME_EN: Record<keyof typeof DEALER_HOME_ZH, string> = {
  'dealerHome.menu': 'Home',
  'dealerHome.title': '{name}',
  'dealerHome.goStock': 'Upload stock',
  'dealerHome.goReceipts': 'Record a sale',
  'dealerHome.goPoints': 'Redeem points',
  'dealerHome.attainment': 'Target attainment',
  'dealerHome.month': 'This month',
  'dealerHome.year': 'This year',
  'dealerHome.ytd': 'Year to date',
  'dealerHome.stockHealth': 'Stock health',
  'dealerHome.week': 'Latest sheet',
  'dealerHome.slow': 'Slow movers',
  'dealerHome.short': 'Short',
  'dealerHome.receipts': 'Recent sales and flags',
  'dealerHome.flag': 'Cross-region',
  'dealerHome.points': 'Points balance',
  'dealerHome.redeem': 'Redeem',
};
