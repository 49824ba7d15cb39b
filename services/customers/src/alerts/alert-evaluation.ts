import { AlertRuleCode, AlertSeverity, AlertSubjectType } from './alert-vocabulary';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Dates like nextActionDate are China calendar dates. */
const CHINA_OFFSET_MS = 8 * HOUR;

export interface RuleSetting {
  code: string;
  severity: AlertSeverity;
  threshold: number;
  enabled: boolean;
}

export interface CustomerFacts {
  id: string;
  name: string;
  region: string;
  ownerId: string;
  ownerName: string | null;
  stage: string;
  stageEnteredAt: Date;
  lastInteractionAt: Date;
  nextActionDate: string | null;
  /** Evidence uploaded since the customer entered its current stage. */
  attachmentsSinceStageEntry: number;
}

export interface RegionCounts {
  region: string;
  contract: number;
  delivery: number;
}

/** A rule that holds for a subject as of the evaluation time. Pure data. */
export interface Triggered {
  ruleCode: string;
  severity: AlertSeverity;
  kind: 'ALERT' | 'TASK';
  subjectType: AlertSubjectType;
  subjectId: string;
  subjectName: string;
  customerId: string | null;
  ownerId: string | null;
  region: string | null;
  titleZh: string;
  titleEn: string;
  detailZh: string;
  detailEn: string;
}

export function openKeyOf(t: Pick<Triggered, 'ruleCode' | 'subjectType' | 'subjectId'>): string {
  return `${t.ruleCode}:${t.subjectType}:${t.subjectId}`;
}

/**
 * Whether an open alert whose condition no longer holds as of `at` may be cleared. An evaluation
 * never clears an alert raised as of a later time than its own (a catch-up, or a test's clock)…
 * unless it runs because the customer changed (`change`) after the alert was raised: a follow-up
 * or an attachment answers the alert whatever time it was raised as of. An alert raised after the
 * change came from an evaluation that had already seen it, so the change does not clear it.
 */
export function isOutdated(
  alert: { subjectType: AlertSubjectType; asOf: Date; raisedAt: Date },
  at: Date,
  change: { changedAt?: Date } | null,
): boolean {
  if (alert.asOf.getTime() <= at.getTime()) return true;
  if (!change || alert.subjectType !== AlertSubjectType.CUSTOMER) return false;
  return !change.changedAt || alert.raisedAt.getTime() <= change.changedAt.getTime();
}

export function chinaDateOf(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Overdue (rule 1): the customer's next action is not planned ahead (no date, or the date has
 * passed) and nothing was recorded for `hours`. Customers in 批量交付 run on orders, not next actions.
 */
export function isNextActionStale(c: CustomerFacts, at: Date, hours: number): boolean {
  if (c.stage === 'DELIVERY') return false;
  const quietFor = at.getTime() - new Date(c.lastInteractionAt).getTime();
  if (quietFor < hours * HOUR) return false;
  return !c.nextActionDate || c.nextActionDate < chinaDateOf(at);
}

function rule(rules: readonly RuleSetting[], code: string): RuleSetting | undefined {
  const r = rules.find((x) => x.code === code);
  return r?.enabled ? r : undefined;
}

const days = (ms: number) => Math.floor(ms / DAY);

/** Rules 1–3: about one customer each. */
export function evaluateCustomerRules(rules: readonly RuleSetting[], customers: readonly CustomerFacts[], at: Date): Triggered[] {
  const out: Triggered[] = [];
  const stale = rule(rules, AlertRuleCode.NEXT_ACTION_STALE);
  const noAttachment = rule(rules, AlertRuleCode.CONTRACT_NO_ATTACHMENT);
  const tooLong = rule(rules, AlertRuleCode.CONTRACT_TOO_LONG);
  for (const c of customers) {
    const base = { subjectType: AlertSubjectType.CUSTOMER, subjectId: c.id, subjectName: c.name, customerId: c.id, ownerId: c.ownerId, region: c.region };
    if (stale && isNextActionStale(c, at, stale.threshold)) {
      const hours = Math.floor((at.getTime() - new Date(c.lastInteractionAt).getTime()) / HOUR);
      out.push({
        ...base, ruleCode: stale.code, severity: stale.severity, kind: 'ALERT',
        titleZh: `${c.name}：下次行动 ${hours} 小时未更新`,
        titleEn: `${c.name}: next action not updated for ${hours} hours`,
        detailZh: `负责人 ${c.ownerName ?? c.ownerId}，最近互动 ${new Date(c.lastInteractionAt).toISOString()}，下次行动日期 ${c.nextActionDate ?? '未填写'}（阈值 ${stale.threshold} 小时）`,
        detailEn: `Owner ${c.ownerName ?? c.ownerId}, last interaction ${new Date(c.lastInteractionAt).toISOString()}, next action date ${c.nextActionDate ?? 'none'} (threshold ${stale.threshold} h)`,
      });
    }
    if (c.stage !== 'CONTRACT') continue;
    const inStage = at.getTime() - new Date(c.stageEnteredAt).getTime();
    if (noAttachment && inStage >= noAttachment.threshold * DAY && c.attachmentsSinceStageEntry === 0) {
      out.push({
        ...base, ruleCode: noAttachment.code, severity: noAttachment.severity, kind: 'TASK',
        titleZh: `请为 ${c.name} 补充合同条款附件`,
        titleEn: `Add the contract terms for ${c.name}`,
        detailZh: `进入合同阶段已 ${days(inStage)} 天，没有新附件（阈值 ${noAttachment.threshold} 天）`,
        detailEn: `${days(inStage)} days in Contract without a new attachment (threshold ${noAttachment.threshold} days)`,
      });
    }
    if (tooLong && inStage > tooLong.threshold * DAY) {
      out.push({
        ...base, ruleCode: tooLong.code, severity: tooLong.severity, kind: 'ALERT',
        titleZh: `${c.name}：合同阶段已停留 ${days(inStage)} 天`,
        titleEn: `${c.name}: ${days(inStage)} days in Contract`,
        detailZh: `负责人 ${c.ownerName ?? c.ownerId}，${new Date(c.stageEnteredAt).toISOString().slice(0, 10)} 进入合同阶段（阈值 ${tooLong.threshold} 天）`,
        detailEn: `Owner ${c.ownerName ?? c.ownerId}, entered Contract on ${new Date(c.stageEnteredAt).toISOString().slice(0, 10)} (threshold ${tooLong.threshold} days)`,
      });
    }
  }
  return out;
}

/** Rule 4: a rep with `threshold` or more overdue (rule-1) customers. `customers` = all customers of the reps evaluated. */
export function evaluateRepRules(rules: readonly RuleSetting[], customers: readonly CustomerFacts[], at: Date): Triggered[] {
  const rep = rule(rules, AlertRuleCode.REP_OVERDUE_CUSTOMERS);
  if (!rep) return [];
  const hours = rules.find((r) => r.code === AlertRuleCode.NEXT_ACTION_STALE)?.threshold ?? 48;
  const overdue = new Map<string, CustomerFacts[]>();
  for (const c of customers) {
    if (!isNextActionStale(c, at, hours)) continue;
    overdue.set(c.ownerId, [...(overdue.get(c.ownerId) ?? []), c]);
  }
  const out: Triggered[] = [];
  for (const [ownerId, list] of overdue) {
    if (list.length < rep.threshold) continue;
    const name = list[0].ownerName ?? ownerId;
    const names = list.slice(0, 10).map((c) => c.name);
    out.push({
      ruleCode: rep.code, severity: rep.severity, kind: 'ALERT', subjectType: AlertSubjectType.REP, subjectId: ownerId, subjectName: name,
      customerId: null, ownerId, region: list[0].region,
      titleZh: `${name} 有 ${list.length} 家逾期客户`,
      titleEn: `${name} has ${list.length} overdue customers`,
      detailZh: `逾期客户：${names.join('、')}${list.length > names.length ? ' 等' : ''}（阈值 ${rep.threshold} 家）`,
      detailEn: `Overdue customers: ${names.join(', ')}${list.length > names.length ? ', …' : ''} (threshold ${rep.threshold})`,
    });
  }
  return out;
}

/** Rule 5: customers in 批量交付 below `threshold` % of customers in 合同, per region with any contract customer. */
export function evaluateRegionRules(rules: readonly RuleSetting[], regions: readonly RegionCounts[]): Triggered[] {
  const ratio = rule(rules, AlertRuleCode.REGION_DELIVERY_RATIO);
  if (!ratio) return [];
  const out: Triggered[] = [];
  for (const r of regions) {
    if (r.contract === 0) continue;
    const percent = Math.round((r.delivery / r.contract) * 1000) / 10;
    if (percent >= ratio.threshold) continue;
    out.push({
      ruleCode: ratio.code, severity: ratio.severity, kind: 'ALERT', subjectType: AlertSubjectType.REGION, subjectId: r.region, subjectName: r.region,
      customerId: null, ownerId: null, region: r.region,
      titleZh: `${r.region}区域交付诊断：批量交付仅为合同客户的 ${percent}%`,
      titleEn: `${r.region} delivery diagnostic: mass delivery is ${percent}% of contract customers`,
      detailZh: `${r.region}：批量交付 ${r.delivery} 家，合同 ${r.contract} 家，比例 ${percent}%，低于 ${ratio.threshold}%。请检查合同转交付的瓶颈（排产、首付款、技术协议）。`,
      detailEn: `${r.region}: ${r.delivery} customers in mass delivery, ${r.contract} in contract, ratio ${percent}% below ${ratio.threshold}%. Check what holds contracts back from delivery (scheduling, first payment, technical agreement).`,
    });
  }
  return out;
}
