import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not, Repository } from 'typeorm';
import { Caller, chunks, ConnectionShape, createLogger, dataScopeOf, DEFAULT_CHUNK, DomainError, newId, PageArgs, pageWindow, toConnection } from '@lianxiao/platform';
import { InboxItem } from '../notifications/inbox-item.entity';
import { InboxService } from '../notifications/inbox.service';
import { isDuplicateKeyError } from '../customer/duplicate-key-error';
import { bulkInsert } from '../import/bulk-insert';
import { Alert } from './alert.entity';
import { AlertDelivery } from './alert-delivery.entity';
import { AlertRule } from './alert-rule.entity';
import { DEFAULT_ALERT_RULES } from './default-alert-rules';
import { evaluateCustomerRules, evaluateRegionRules, evaluateRepRules, isOutdated, openKeyOf, Triggered } from './alert-evaluation';
import { AlertErrorCode, AlertRuleCode, AlertSeverity, AlertSubjectType } from './alert-vocabulary';
import { AlertFacts } from './alert-facts';
import { AlertSender } from './alert-sender';
import type { UpdateAlertRuleInput } from './alert.dto';

export interface SweepOptions {
  /** The time the rules are evaluated as of (tests and catch-up); default now. */
  at?: Date;
  /** Only these customers (their owners' and regions' rules too); default every customer. */
  customerIds?: readonly string[];
  /** `change`: evaluated right after a write to these customers, which may clear their alerts at once. */
  mode?: 'sweep' | 'change';
  /**
   * With `change`: when each customer was changed. The change clears only the alerts raised before
   * it; one raised after it came from an evaluation that had already seen the change.
   */
  changedAt?: ReadonlyMap<string, Date>;
}

export interface SweepSummary {
  at: Date;
  evaluatedCustomers: number;
  raised: Alert[];
  resolved: number;
}

const CUSTOMER_RULES: string[] = [AlertRuleCode.NEXT_ACTION_STALE, AlertRuleCode.CONTRACT_NO_ATTACHMENT, AlertRuleCode.CONTRACT_TOO_LONG];
/**
 * Alerts written per transaction, with their inbox items: a sweep over 100k customers is a few
 * hundred transactions, not one per alert. Small enough that a batch stays well under SQLite's
 * and MySQL's bound-parameter limits (22 columns × 200 rows).
 */
const RAISE_BATCH = 200;

/**
 * Evaluates the alert rules (on change and by the periodic sweep), raises each alert once while
 * its condition holds (unique open key), fills the recipients' inboxes in the same transaction,
 * then sends email and robot messages and records each delivery.
 */
@Injectable()
export class AlertService {
  private readonly log = createLogger('customers.alerts');

  constructor(
    private readonly db: DataSource,
    private readonly facts: AlertFacts,
    private readonly sender: AlertSender,
    @InjectRepository(AlertRule) private readonly rules: Repository<AlertRule>,
    @InjectRepository(Alert) private readonly alerts: Repository<Alert>,
    @InjectRepository(AlertDelivery) private readonly deliveries: Repository<AlertDelivery>,
    private readonly inbox: InboxService,
  ) {}

  /** The five rules; written with their defaults the first time they are needed. */
  async listRules(): Promise<AlertRule[]> {
    const rows = await this.rules.find({ order: { code: 'ASC' } });
    if (rows.length >= DEFAULT_ALERT_RULES.length) return sortRules(rows);
    const have = new Set(rows.map((r) => r.code));
    const missing = DEFAULT_ALERT_RULES.filter((d) => !have.has(d.code));
    await this.rules
      .createQueryBuilder()
      .insert()
      .orIgnore()
      .values(missing.map((d) => ({ ...d, enabled: true, wecomWebhookUrl: null, dingtalkWebhookUrl: null, dingtalkSecret: null, emailTo: [], updatedBy: null, updatedAt: new Date() })))
      .execute();
    return sortRules(await this.rules.find());
  }

  async updateRule(caller: Caller, code: string, input: UpdateAlertRuleInput): Promise<AlertRule> {
    const rule = (await this.listRules()).find((r) => r.code === code);
    if (!rule) throw DomainError.notFound('Alert rule', '预警规则', code);
    const details: { field: string; messageZh: string; messageEn: string }[] = [];
    const changes: Partial<AlertRule> = {};
    if (input.threshold !== undefined && input.threshold !== null) {
      const max = rule.unit === 'PERCENT' ? 1_000_000 : 100_000;
      if (!Number.isFinite(input.threshold) || input.threshold < 0 || input.threshold > max) {
        details.push({ field: 'threshold', messageZh: `阈值须在 0 到 ${max} 之间`, messageEn: `threshold must be between 0 and ${max}` });
      } else changes.threshold = input.threshold;
    }
    if (input.enabled !== undefined && input.enabled !== null) changes.enabled = input.enabled;
    if (input.channels) changes.channels = [...new Set(input.channels)];
    for (const field of ['wecomWebhookUrl', 'dingtalkWebhookUrl'] as const) {
      const value = input[field];
      if (value === undefined) continue;
      const url = value?.trim() || null;
      if (url && !/^https?:\/\/[^\s]+$/.test(url)) details.push({ field, messageZh: '机器人地址须为 http(s) URL', messageEn: 'The robot webhook must be an http(s) URL' });
      else if (url && url.length > 500) details.push({ field, messageZh: '机器人地址最多 500 个字符', messageEn: 'The robot webhook URL is at most 500 characters' });
      else changes[field] = url;
    }
    if (input.dingtalkSecret !== undefined) changes.dingtalkSecret = input.dingtalkSecret?.trim() || null;
    if (input.emailTo) {
      const bad = input.emailTo.filter((e) => !/^[^\s@]+@[^\s@]+$/.test(e.trim()));
      if (bad.length) details.push({ field: 'emailTo', messageZh: `邮箱地址无效：${bad.join('、')}`, messageEn: `Invalid email address: ${bad.join(', ')}` });
      else changes.emailTo = input.emailTo.map((e) => e.trim());
    }
    if (details.length) throw new DomainError(AlertErrorCode.ALERT_RULE_INVALID, '预警规则设置无效', 'The alert rule settings are invalid', details, 400);
    await this.rules.update({ code }, { ...changes, updatedBy: caller.userId, updatedAt: new Date() });
    return this.rules.findOneByOrFail({ code });
  }

  /** Evaluates the rules as of `at` and raises / resolves alerts. */
  async sweep(options: SweepOptions = {}): Promise<SweepSummary> {
    const at = options.at ?? new Date();
    const rules = await this.listRules();
    const customers = await this.facts.customerFacts(options.customerIds ? { ids: options.customerIds } : {});
    const owners = [...new Set(customers.map((c) => c.ownerId))];
    const regions = [...new Set(customers.map((c) => c.region))];
    const repCustomers = options.customerIds ? await this.facts.customerFacts({ ownerIds: owners }) : customers;
    const regionCounts = await this.facts.regionCounts(options.customerIds ? regions : undefined);

    const triggered = [
      ...evaluateCustomerRules(rules, customers, at),
      ...evaluateRepRules(rules, repCustomers, at),
      ...evaluateRegionRules(rules, regionCounts),
    ];
    const raised = await this.raise(triggered, rules, at);
    const resolved = await this.resolve(triggered, at, options, {
      customers: customers.map((c) => c.id),
      reps: options.customerIds ? owners : null,
      regions: options.customerIds ? regions : null,
    });
    if (raised.length || resolved) this.log.info({ at: at.toISOString(), evaluated: customers.length, raised: raised.length, resolved, mode: options.mode ?? 'sweep' }, 'alert rules evaluated');
    return { at, evaluatedCustomers: customers.length, raised, resolved };
  }

  /** Alerts the caller may see (admin/director: all; supervisor: region; rep: own), newest first. */
  async list(caller: Caller, args: PageArgs & { open?: boolean | null; customerId?: string | null; ruleCode?: string | null; severity?: AlertSeverity | null }): Promise<ConnectionShape<Alert>> {
    const window = pageWindow(args, 20);
    const scope = dataScopeOf(caller);
    const qb = this.alerts.createQueryBuilder('a');
    if (scope.kind === 'region') qb.andWhere('a.region = :region', { region: scope.region });
    else if (scope.kind === 'owner') qb.andWhere('a.ownerId = :owner', { owner: scope.userId });
    else if (scope.kind !== 'all') return toConnection([], 0, window);
    if (args.open === true) qb.andWhere('a.resolvedAt IS NULL');
    if (args.open === false) qb.andWhere('a.resolvedAt IS NOT NULL');
    if (args.customerId) qb.andWhere('a.customerId = :customerId', { customerId: args.customerId });
    if (args.ruleCode) qb.andWhere('a.ruleCode = :ruleCode', { ruleCode: args.ruleCode });
    if (args.severity) qb.andWhere('a.severity = :severity', { severity: args.severity });
    qb.orderBy('a.raisedAt', 'DESC').addOrderBy('a.id', 'DESC').skip(window.skip).take(window.take);
    const [nodes, total] = await qb.getManyAndCount();
    return toConnection(nodes, total, window);
  }

  /** Open alerts and tasks of these customers, plus the last 10 resolved ones each. */
  async ofCustomers(customerIds: readonly string[]): Promise<Alert[]> {
    if (!customerIds.length) return [];
    return this.alerts.find({ where: { customerId: In([...customerIds]) }, order: { raisedAt: 'DESC', id: 'DESC' }, take: customerIds.length * 20 });
  }

  deliveriesOf(alertIds: readonly string[]): Promise<AlertDelivery[]> {
    return this.deliveries.find({ where: { alertId: In([...alertIds]) }, order: { at: 'ASC', id: 'ASC' } });
  }

  /** Acknowledges an alert the caller may see; acknowledging again keeps the first acknowledgement. */
  async acknowledge(caller: Caller, id: string): Promise<Alert> {
    const alert = await this.alerts.findOneBy({ id });
    const scope = dataScopeOf(caller);
    const visible =
      !!alert &&
      (scope.kind === 'all' || (scope.kind === 'region' && alert.region === scope.region) || (scope.kind === 'owner' && alert.ownerId === scope.userId) || alert.recipientIds.includes(caller.userId));
    if (!alert || !visible) throw DomainError.notFound('Alert', '预警', id);
    const now = new Date();
    await this.alerts.update({ id, acknowledgedAt: IsNull() }, { acknowledgedAt: now, acknowledgedBy: caller.userId });
    await this.inbox.markAlertsRead(caller.userId, [id], now);
    return this.alerts.findOneByOrFail({ id });
  }

  // ---- raising, resolving, sending ------------------------------------------------------

  private recipientsOf(t: Triggered): string[] {
    const ids = new Set<string>();
    const supervisors = () => this.sender.directory.supervisorsOf(t.ownerId, t.region).map((u) => u.id);
    switch (t.ruleCode) {
      case AlertRuleCode.CONTRACT_NO_ATTACHMENT:
        if (t.ownerId) ids.add(t.ownerId);
        break;
      case AlertRuleCode.CONTRACT_TOO_LONG:
        if (t.ownerId) ids.add(t.ownerId);
        supervisors().forEach((id) => ids.add(id));
        break;
      case AlertRuleCode.REGION_DELIVERY_RATIO:
        this.sender.directory.directors().forEach((u) => ids.add(u.id));
        break;
      default:
        supervisors().forEach((id) => ids.add(id));
    }
    return [...ids];
  }

  private async raise(triggered: Triggered[], rules: AlertRule[], at: Date): Promise<Alert[]> {
    if (!triggered.length) return [];
    const open = new Set<string>();
    for (const keys of chunks(triggered.map(openKeyOf))) {
      const rows = await this.alerts.find({ select: { openKey: true }, where: { openKey: In(keys) } });
      rows.forEach((r) => open.add(r.openKey!));
    }
    const now = new Date();
    const fresh: Alert[] = [];
    for (const t of triggered) {
      const key = openKeyOf(t);
      if (open.has(key)) continue; // still open: not raised or sent again
      open.add(key);
      fresh.push({
        id: newId(), ruleCode: t.ruleCode, severity: t.severity, kind: t.kind, subjectType: t.subjectType, subjectId: t.subjectId,
        subjectName: t.subjectName.slice(0, 128), customerId: t.customerId, ownerId: t.ownerId, region: t.region,
        titleZh: t.titleZh.slice(0, 200), titleEn: t.titleEn.slice(0, 200), detailZh: t.detailZh, detailEn: t.detailEn,
        dedupeKey: key, openKey: key, raisedAt: now, asOf: at, resolvedAt: null, acknowledgedAt: null, acknowledgedBy: null,
        recipientIds: this.recipientsOf(t),
      });
    }
    const raised: Alert[] = [];
    for (const batch of chunks(fresh, RAISE_BATCH)) raised.push(...(await this.insertRaised(batch)));
    // Sent only once their rows are committed, a few at a time; the delivery records go in batches too.
    const deliveries = await this.sender.sendAll(raised, rules);
    for (const batch of chunks(deliveries)) await this.deliveries.insert(batch);
    return raised;
  }

  /**
   * Writes a batch of alerts and their recipients' inbox items in one transaction. When another
   * replica or an on-change evaluation raised one of them meanwhile (its open key is taken), the
   * batch is written again in halves, so only that alert is dropped and it is not sent twice.
   */
  private async insertRaised(batch: Alert[]): Promise<Alert[]> {
    try {
      await this.db.transaction(async (tx) => {
        await bulkInsert(tx, Alert, batch, RAISE_BATCH);
        await bulkInsert(tx, InboxItem, batch.flatMap(inboxItemsOf), DEFAULT_CHUNK);
      });
      return batch;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      if (batch.length === 1) return [];
    }
    const half = Math.ceil(batch.length / 2);
    return [...(await this.insertRaised(batch.slice(0, half))), ...(await this.insertRaised(batch.slice(half)))];
  }

  /**
   * Clears open alerts of the evaluated subjects whose condition no longer holds. A periodic sweep
   * never clears an alert raised as of a later time than its own; a change to a customer clears
   * that customer's alerts raised before the change at once.
   */
  private async resolve(
    triggered: Triggered[],
    at: Date,
    options: SweepOptions,
    scope: { customers: string[]; reps: string[] | null; regions: string[] | null },
  ): Promise<number> {
    const still = new Set(triggered.map(openKeyOf));
    const candidates: Alert[] = [];
    const base = { resolvedAt: IsNull(), openKey: Not(IsNull()) };
    if (options.customerIds) {
      for (const ids of chunks(scope.customers)) candidates.push(...(await this.alerts.find({ where: { ...base, subjectType: AlertSubjectType.CUSTOMER, subjectId: In(ids), ruleCode: In(CUSTOMER_RULES) } })));
      if (scope.reps?.length) candidates.push(...(await this.alerts.find({ where: { ...base, subjectType: AlertSubjectType.REP, subjectId: In(scope.reps) } })));
      if (scope.regions?.length) candidates.push(...(await this.alerts.find({ where: { ...base, subjectType: AlertSubjectType.REGION, subjectId: In(scope.regions) } })));
    } else {
      candidates.push(...(await this.alerts.find({ where: base })));
    }
    const now = new Date();
    const toResolve = candidates.filter((a) => {
      if (still.has(a.openKey!)) return false;
      return isOutdated(a, at, options.mode === 'change' ? { changedAt: options.changedAt?.get(a.subjectId) } : null);
    });
    for (const ids of chunks(toResolve.map((a) => a.id))) {
      await this.alerts.update({ id: In(ids), resolvedAt: IsNull() }, { resolvedAt: now, openKey: null });
    }
    return toResolve.length;
  }
}

/** One unread inbox item per recipient of the alert. */
function inboxItemsOf(alert: Alert): InboxItem[] {
  return alert.recipientIds.map((userId) => ({
    id: newId(), userId, kind: alert.kind, alertId: alert.id, customerId: alert.customerId, severity: alert.severity,
    titleZh: alert.titleZh, titleEn: alert.titleEn, bodyZh: alert.detailZh, bodyEn: alert.detailEn, createdAt: alert.raisedAt, readAt: null,
  }));
}

const RULE_ORDER: string[] = DEFAULT_ALERT_RULES.map((r) => r.code);
function sortRules(rows: AlertRule[]): AlertRule[] {
  return [...rows].sort((a, b) => RULE_ORDER.indexOf(a.code) - RULE_ORDER.indexOf(b.code));
}
