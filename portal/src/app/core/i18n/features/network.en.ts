import type { NETWORK_ZH } from './network.zh';

export const NETWORK_EN: Record<keyof typeof NETWORK_ZH, string> = {
  'network.menu': 'Dealer network',
  'network.title': 'Dealer network',
  'network.turnover': 'Stock turnover (12 weeks)',
  'network.turnoverFigure': 'Network stock turnover, annualised',
  'network.flags': 'Cross-region flags by delivery province',
  'network.points': 'Points issued vs redeemed',
  'network.attainment': 'Attainment by dealer',
  'network.dealer': 'Dealer',
  'network.region': 'Region',
  'network.target': 'Annual target',
  'network.ytd': 'Year to date',
  'network.yearRate': 'Of annual',
  'network.ytdRate': 'Of plan so far',
  'network.dealerTurnover': 'Turnover',
};
