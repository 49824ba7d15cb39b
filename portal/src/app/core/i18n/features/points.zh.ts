/** Points balance, catalogue and statement. */
export const POINTS_ZH = {
  'points.menu': '积分',
  'points.title': '积分兑换',
  'points.balance': '当前积分',
  'points.catalogue': '宣传物料',
  'points.cost': '{points} 积分/{unit}',
  'points.stock': '库存 {n}',
  'points.redeem': '兑换',
  'points.confirm': '用 {points} 积分兑换 {name}？',
  'points.redeemed': '已兑换 {name}，剩余积分 {balance}',
  'points.statement': '积分明细',
} as const;
