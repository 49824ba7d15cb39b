/** Capacity priority queue (产能优先级). */
export const PRODUCTION_ZH = {
  'production.menu': '产能队列',
  'production.title': '产能优先级队列',
  'production.rank': '排名',
  'production.contract': '合同',
  'production.signedAt': '签署时间',
  'production.score': '优先级得分',
  'production.margin': '毛利',
  'production.urgency': '紧急度',
  'production.health': '客户健康度',
  'production.hint': '得分 = 毛利 50% + 紧急度 30% + 客户健康度 20%；无权查看毛利的角色只看到毛利档位。',
  'production.tier.HIGH': '高毛利',
  'production.tier.MEDIUM': '中毛利',
  'production.tier.LOW': '低毛利',
} as const;
