/** HQ network view. */
export const NETWORK_ZH = {
  'network.menu': '渠道全景',
  'network.title': '经销商网络全景',
  'network.turnover': '库存周转（近 12 周）',
  'network.turnoverFigure': '全网年化库存周转率',
  'network.flags': '窜货预警（按收货省份）',
  'network.points': '积分发放与兑换',
  'network.attainment': '各经销商目标达成',
  'network.dealer': '经销商',
  'network.region': '大区',
  'network.target': '年度目标',
  'network.ytd': '年累计',
  'network.yearRate': '全年达成',
  'network.ytdRate': '进度达成',
  'network.dealerTurnover': '年化周转',
} as const;
