import { CustomerFacts, evaluateCustomerRules, evaluateRegionRules, evaluateRepRules, isNextActionStale, isOutdated, RuleSetting } from './alert-evaluation';
import { AlertSubjectType } from './alert-vocabulary';
import { DEFAULT_ALERT_RULES } from './default-alert-rules';

const rules: RuleSetting[] = DEFAULT_ALERT_RULES.map((r) => ({ code: r.code, severity: r.severity, threshold: r.threshold, enabled: true }));
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date('2026-11-23T04:00:00Z'); // 12:00 in China

function customer(over: Partial<CustomerFacts> = {}): CustomerFacts {
  return {
    id: 'c1', name: '苏州华恒精密', region: '华东', ownerId: 'rep1', ownerName: '王磊', stage: 'QUOTATION',
    stageEnteredAt: new Date(now.getTime() - 5 * DAY), lastInteractionAt: new Date(now.getTime() - HOUR), nextActionDate: '2026-11-25',
    attachmentsSinceStageEntry: 0, ...over,
  };
}

describe('alert rules', () => {
  it('rule 1: red when the next action has passed (or is missing) and nothing happened for 48 h', () => {
    expect(isNextActionStale(customer({ lastInteractionAt: new Date(now.getTime() - 49 * HOUR), nextActionDate: '2026-11-20' }), now, 48)).toBe(true);
    expect(isNextActionStale(customer({ lastInteractionAt: new Date(now.getTime() - 49 * HOUR), nextActionDate: null }), now, 48)).toBe(true);
    expect(isNextActionStale(customer({ lastInteractionAt: new Date(now.getTime() - 47 * HOUR), nextActionDate: '2026-11-20' }), now, 48)).toBe(false);
    expect(isNextActionStale(customer({ lastInteractionAt: new Date(now.getTime() - 49 * HOUR), nextActionDate: '2026-11-23' }), now, 48)).toBe(false);
    const [alert] = evaluateCustomerRules(rules, [customer({ lastInteractionAt: new Date(now.getTime() - 50 * HOUR), nextActionDate: null })], now);
    expect(alert).toMatchObject({ ruleCode: 'NEXT_ACTION_STALE', severity: 'RED', subjectType: 'CUSTOMER', titleZh: '苏州华恒精密：下次行动 50 小时未更新' });
  });

  it('rules 2 and 3: a task after 3 days in 合同 without a new attachment; yellow after 15 days', () => {
    const contract = (days: number, attachments = 0) => customer({ stage: 'CONTRACT', stageEnteredAt: new Date(now.getTime() - days * DAY), attachmentsSinceStageEntry: attachments });
    expect(evaluateCustomerRules(rules, [contract(2)], now)).toEqual([]);
    expect(evaluateCustomerRules(rules, [contract(3)], now).map((t) => [t.ruleCode, t.kind])).toEqual([['CONTRACT_NO_ATTACHMENT', 'TASK']]);
    expect(evaluateCustomerRules(rules, [contract(3, 1)], now)).toEqual([]);
    expect(evaluateCustomerRules(rules, [contract(16, 1)], now).map((t) => [t.ruleCode, t.severity])).toEqual([['CONTRACT_TOO_LONG', 'YELLOW']]);
    expect(evaluateCustomerRules(rules, [contract(15, 1)], now)).toEqual([]);
  });

  it('rule 4: orange for a rep with 3 or more overdue customers', () => {
    const overdue = (id: string) => customer({ id, lastInteractionAt: new Date(now.getTime() - 3 * DAY), nextActionDate: null });
    expect(evaluateRepRules(rules, [overdue('a'), overdue('b'), customer({ id: 'c' })], now)).toEqual([]);
    const [alert] = evaluateRepRules(rules, [overdue('a'), overdue('b'), overdue('c')], now);
    expect(alert).toMatchObject({ ruleCode: 'REP_OVERDUE_CUSTOMERS', severity: 'ORANGE', subjectType: 'REP', subjectId: 'rep1', titleZh: '王磊 有 3 家逾期客户' });
  });

  it('rule 5: red for a region where mass delivery is below 60% of contract', () => {
    expect(evaluateRegionRules(rules, [{ region: '华东', contract: 10, delivery: 6 }])).toEqual([]);
    expect(evaluateRegionRules(rules, [{ region: '华北', contract: 0, delivery: 0 }])).toEqual([]);
    const [alert] = evaluateRegionRules(rules, [{ region: '华南', contract: 10, delivery: 5 }]);
    expect(alert).toMatchObject({ ruleCode: 'REGION_DELIVERY_RATIO', severity: 'RED', subjectType: 'REGION', subjectId: '华南' });
    expect(alert.detailZh).toContain('批量交付 5 家，合同 10 家，比例 50%，低于 60%');
  });

  it('a disabled rule raises nothing; a changed threshold is used', () => {
    const off = rules.map((r) => ({ ...r, enabled: r.code !== 'CONTRACT_TOO_LONG' }));
    const c = customer({ stage: 'CONTRACT', stageEnteredAt: new Date(now.getTime() - 20 * DAY), attachmentsSinceStageEntry: 1 });
    expect(evaluateCustomerRules(off, [c], now)).toEqual([]);
    const longer = rules.map((r) => (r.code === 'CONTRACT_TOO_LONG' ? { ...r, threshold: 30 } : r));
    expect(evaluateCustomerRules(longer, [c], now)).toEqual([]);
  });
});

describe('clearing an alert whose condition no longer holds', () => {
  const raisedAt = now;
  const futureDated = { subjectType: AlertSubjectType.CUSTOMER, asOf: new Date(now.getTime() + 3 * DAY), raisedAt };

  it('a sweep clears alerts raised as of its own time or earlier, never one raised as of a later time', () => {
    expect(isOutdated({ ...futureDated, asOf: new Date(now.getTime() - HOUR) }, now, null)).toBe(true);
    expect(isOutdated({ ...futureDated, asOf: now }, now, null)).toBe(true);
    expect(isOutdated(futureDated, now, null)).toBe(false);
  });

  it('a change to the customer after the alert was raised clears it, whatever time it was raised as of', () => {
    expect(isOutdated(futureDated, now, { changedAt: new Date(raisedAt.getTime() + 1) })).toBe(true);
    expect(isOutdated(futureDated, now, { changedAt: raisedAt })).toBe(true);
    expect(isOutdated(futureDated, now, {})).toBe(true);
  });

  it('an evaluation of a change made before the alert was raised leaves it open (the alert already saw the change)', () => {
    expect(isOutdated(futureDated, now, { changedAt: new Date(raisedAt.getTime() - 50) })).toBe(false);
  });

  it('a change to a customer never clears a future-dated rep or region alert', () => {
    expect(isOutdated({ ...futureDated, subjectType: AlertSubjectType.REP }, now, { changedAt: new Date(raisedAt.getTime() + 1) })).toBe(false);
    expect(isOutdated({ ...futureDated, subjectType: AlertSubjectType.REGION }, now, { changedAt: new Date(raisedAt.getTime() + 1) })).toBe(false);
  });
});
