import { SeededRandom } from '@lianxiao/demo-data';

/**
 * Deterministic pipeline history (stage moves and follow-ups with obstacles) for customers that
 * have none: the demo seed and the benchmark dataset use it so the dashboard has something to show.
 */
export const DEMO_OBSTACLES = [
  '价格偏高，客户要求降价百分之五', '付款周期太长，客户要求账期九十天', '验收标准不明确，需要技术协议确认', '竞品报价更低，客户在比价',
  '样品测试未通过，尺寸公差超标', '交期太长，客户担心影响量产', '采购总监未表态，决策链复杂', '预算冻结，项目延期到明年',
  '技术参数不匹配，需要工程评审', '客户要求现场审核工厂', '质量体系认证未完成', '竞品价格更低，交期更短',
] as const;

const SUMMARIES = [
  '拜访采购经理，介绍新产品方案', '电话沟通样品测试进度', '微信确认报价细节', '邮件发送技术协议草稿', '陪同工程师现场调试', '与技术总监讨论参数',
];
const ACCEPTANCE_NOTES = ['客户安排验收，准备验收资料', '验收报告待签字，跟进验收结果'];
const PAYMENT_NOTES = ['客户询问付款方式，提出延期付款', '催收首付款，客户称付款审批中', '付款计划未定，财务要求分期付款'];
const TYPES = ['VISIT', 'CALL', 'EMAIL', 'WECHAT'] as const;
const DAY = 86_400_000;

export interface HistoryCustomer {
  id: string;
  ownerId: string;
  stage: string;
  stageEnteredAt: Date;
  createdAt: Date;
}

export interface HistoryTransition {
  id: string;
  customerId: string;
  fromStage: string;
  toStage: string;
  movedBy: string;
  movedAt: Date;
  daysInPreviousStage: number;
}

export interface HistoryFollowUp {
  id: string;
  customerId: string;
  type: string;
  summary: string;
  obstacle: string | null;
  nextAction: string | null;
  nextActionDate: string | null;
  createdBy: string;
  createdAt: Date;
}

export interface HistoryOptions {
  now: Date;
  /** Follow-ups per customer: between min and max. */
  followUps: [number, number];
  /** Share of customers given the payment-risk pattern (验收 earlier, 付款 recently). */
  riskShare: number;
  newId: (kind: string, key: string) => string;
}

export function pipelineHistory(customer: HistoryCustomer, stages: readonly string[], r: SeededRandom, o: HistoryOptions): { transitions: HistoryTransition[]; followUps: HistoryFollowUp[] } {
  const transitions: HistoryTransition[] = [];
  const target = stages.indexOf(customer.stage);
  const start = customer.createdAt.getTime();
  const end = Math.max(start + DAY, customer.stageEnteredAt.getTime());
  let prev = start;
  for (let i = 1; i <= target; i++) {
    const at = i === target ? end : prev + Math.max(DAY / 4, ((end - prev) / (target - i + 1)) * (0.5 + r.next()));
    const movedAt = Math.min(at, end);
    transitions.push({
      id: o.newId('transition', `${customer.id}:${i}`), customerId: customer.id, fromStage: stages[i - 1], toStage: stages[i],
      movedBy: customer.ownerId, movedAt: new Date(movedAt), daysInPreviousStage: Math.round(((movedAt - prev) / DAY) * 100) / 100,
    });
    prev = movedAt;
  }
  const followUps: HistoryFollowUp[] = [];
  const count = r.int(o.followUps[0], o.followUps[1]);
  const risky = r.chance(o.riskShare);
  const now = o.now.getTime();
  for (let k = 0; k < count; k++) {
    const daysAgo = r.int(0, 119);
    const at = new Date(Math.max(start, now - daysAgo * DAY - r.int(0, 8) * 3_600_000));
    let summary = r.pick(SUMMARIES);
    if (risky) summary = daysAgo < 30 ? r.pick(PAYMENT_NOTES) : daysAgo < 90 ? r.pick(ACCEPTANCE_NOTES) : summary;
    followUps.push({
      id: o.newId('follow-up', `${customer.id}:${k}`), customerId: customer.id, type: r.pick(TYPES), summary,
      obstacle: r.chance(0.6) ? r.pick(DEMO_OBSTACLES) : null,
      nextAction: r.chance(0.5) ? '安排下次拜访' : null,
      nextActionDate: null,
      createdBy: customer.ownerId,
      createdAt: at,
    });
  }
  if (risky && !followUps.some((f) => f.createdAt.getTime() >= now - 30 * DAY)) {
    followUps.push({ id: o.newId('follow-up', `${customer.id}:risk`), customerId: customer.id, type: 'CALL', summary: PAYMENT_NOTES[0], obstacle: null, nextAction: null, nextActionDate: null, createdBy: customer.ownerId, createdAt: new Date(now - 2 * DAY) });
  }
  return { transitions, followUps };
}
