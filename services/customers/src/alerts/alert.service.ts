import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not, Repository } from 'typeorm';
import { Caller, ConnectionShape, createLogger, dataScopeOf, DomainError, Mailer, newId, PageArgs, pageWindow, toConnection } from '@lianxiao/platform';
import { Customer } from '../customer/customer.entity';
import { Evidence, StageTransition } from '../pipeline/pipeline.entities';
import { InboxItem } from '../notifications/inbox-item.entity';
import { InboxService } from '../notifications/inbox.service';
import { dingtalkBody, dingtalkSignedUrl, postRobot, wecomBody } from '../notifications/robot-webhook';
import { UserDirectory } from '../notifications/user-directory';
import { isDuplicateKeyError } from '../customer/duplicate-key-error';
import { bulkInsert } from '../import/bulk-insert';
import { Alert } from './alert.entity';
import { AlertDelivery } from './alert-delivery.entity';
import { AlertRule } from './alert-rule.entity';
import { DEFAULT_ALERT_RULES } from './default-alert-rules';
import { CustomerFacts, evaluateCustomerRules, evaluateRegionRules, evaluateRepRules, openKeyOf, RegionCounts, Triggered } from './alert-evaluation';
import { AlertChannel, AlertErrorCode, AlertRuleCode, AlertSeverity, AlertSubjectType, SEVERITY_COLOR, SEVERITY_LABEL } from './alert-vocabulary';
import type { UpdateAlertRuleInput } from './alert.dto';

export interface SweepOptions {
  /** The time the rules are evaluated as of (tests and catch-up); default now. */
  at?: Date;
  /** Only these customers (their owners' and regions' rules too); default every customer. */
  customerIds?: readonly string[];
  /** `change`: evaluated right after a write to these customers, which may clear their alerts at once. */
  mode?: 'sweep' | 'change';
}

export interface SweepSummary {
  at: Date;
  evaluatedCustomers: number;
  raised: Alert[];
  resolved: number;
}

const CUSTOMER_RULES: string[] = [AlertRuleCode.NEXT_ACTION_STALE, AlertRuleCode.CONTRACT_NO_ATTACHMENT, AlertRuleCode.CONTRACT_TOO_LONG];
const CHUNK = 500;
/**
 * Alerts written per transaction, with their inbox items: a sweep over 100k customers is a few
 * hundred transactions, not one per alert. Small enough that a batch stays well under SQLite's
 * and MySQL's bound-parameter limits (22 columns × 200 rows).
 */
const RAISE_BATCH = 200;

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Evaluates the alert rules (on change and by the periodic sweep), raises each alert once while
 * its condition holds (unique open key), fills the recipients' inboxes in the same transaction,
 * then sends email and robot messages and records each delivery.
 */
@Injectable()
export class AlertService {
  private readonly log = createLogger('customers.alerts');
  private readonly mailer = Mailer.fromEnv();
  readonly directory = UserDirectory.fromDemoWorld();

  constructor(
    private readonly db: DataSource,
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
    const customers = await this.customerFacts(options.customerIds ? { ids: options.customerIds } : {});
    const owners = [...new Set(customers.map((c) => c.ownerId))];
    const regions = [...new Set(customers.map((c) => c.region))];
    const repCustomers = options.customerIds ? await this.customerFacts({ ownerIds: owners }) : customers;
    const regionCounts = await this.regionCounts(options.customerIds ? regions : undefined);

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

  // ---- evaluation facts ------------------------------------------------------------------

  private async customerFacts(filter: { ids?: readonly string[]; ownerIds?: readonly string[] }): Promise<CustomerFacts[]> {
    const select = { id: true, name: true, region: true, ownerId: true, ownerName: true, stage: true, stageEnteredAt: true, lastInteractionAt: true, nextActionDate: true } as const;
    let rows: Customer[];
    if (filter.ids) rows = (await Promise.all(chunks(filter.ids).map((ids) => this.db.getRepository(Customer).find({ select, where: { id: In(ids) } })))).flat();
    else if (filter.ownerIds) rows = (await Promise.all(chunks(filter.ownerIds).map((ids) => this.db.getRepository(Customer).find({ select, where: { ownerId: In(ids) } })))).flat();
    else rows = await this.db.getRepository(Customer).find({ select });
    const inContract = rows.filter((c) => c.stage === 'CONTRACT');
    const entered = new Map<string, Date>();
    const attachments = new Map<string, Date[]>();
    for (const ids of chunks(inContract.map((c) => c.id))) {
      // stage_transition.movedAt has milliseconds (customer.stageEnteredAt only seconds).
      const moves = await this.db.getRepository(StageTransition).find({ select: { customerId: true, toStage: true, movedAt: true }, where: { customerId: In(ids), toStage: 'CONTRACT' } });
      for (const m of moves) if (!entered.has(m.customerId) || entered.get(m.customerId)! < m.movedAt) entered.set(m.customerId, m.movedAt);
      const files = await this.db.getRepository(Evidence).find({ select: { customerId: true, uploadedAt: true }, where: { customerId: In(ids) } });
      for (const f of files) attachments.set(f.customerId, [...(attachments.get(f.customerId) ?? []), f.uploadedAt]);
    }
    return rows.map((c) => {
      const stageEnteredAt = entered.get(c.id) ?? new Date(c.stageEnteredAt);
      return {
        id: c.id, name: c.name, region: c.region, ownerId: c.ownerId, ownerName: c.ownerName, stage: c.stage,
        stageEnteredAt, lastInteractionAt: new Date(c.lastInteractionAt), nextActionDate: c.nextActionDate,
        attachmentsSinceStageEntry: (attachments.get(c.id) ?? []).filter((t) => t.getTime() > stageEnteredAt.getTime()).length,
      };
    });
  }

  private async regionCounts(regions?: readonly string[]): Promise<RegionCounts[]> {
    const qb = this.db
      .getRepository(Customer)
      .createQueryBuilder('c')
      .select('c.region', 'region')
      .addSelect('c.stage', 'stage')
      .addSelect('COUNT(*)', 'n')
      .where('c.stage IN (:...stages)', { stages: ['CONTRACT', 'DELIVERY'] })
      .groupBy('c.region')
      .addGroupBy('c.stage');
    if (regions) {
      if (!regions.length) return [];
      qb.andWhere('c.region IN (:...regions)', { regions });
    }
    const rows: { region: string; stage: string; n: string | number }[] = await qb.getRawMany();
    const byRegion = new Map<string, RegionCounts>();
    for (const r of rows) {
      const counts = byRegion.get(r.region) ?? { region: r.region, contract: 0, delivery: 0 };
      if (r.stage === 'CONTRACT') counts.contract = Number(r.n);
      else counts.delivery = Number(r.n);
      byRegion.set(r.region, counts);
    }
    return [...byRegion.values()];
  }

  // ---- raising, resolving, sending ------------------------------------------------------

  private recipientsOf(t: Triggered): string[] {
    const ids = new Set<string>();
    const supervisors = () => this.directory.supervisorsOf(t.ownerId, t.region).map((u) => u.id);
    switch (t.ruleCode) {
      case AlertRuleCode.CONTRACT_NO_ATTACHMENT:
        if (t.ownerId) ids.add(t.ownerId);
        break;
      case AlertRuleCode.CONTRACT_TOO_LONG:
        if (t.ownerId) ids.add(t.ownerId);
        supervisors().forEach((id) => ids.add(id));
        break;
      case AlertRuleCode.REGION_DELIVERY_RATIO:
        this.directory.directors().forEach((u) => ids.add(u.id));
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
    // Sent only once their rows are committed; the delivery records go in batches too.
    const deliveries: AlertDelivery[] = [];
    for (const alert of raised) {
      const rule = rules.find((r) => r.code === alert.ruleCode);
      if (rule) deliveries.push(...(await this.sendExternal(alert, rule)));
    }
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
        await bulkInsert(tx, InboxItem, batch.flatMap(inboxItemsOf), CHUNK);
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
   * that customer's alerts at once.
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
      if (options.mode === 'change' && a.subjectType === AlertSubjectType.CUSTOMER) return true;
      return a.asOf.getTime() <= at.getTime();
    });
    for (const ids of chunks(toResolve.map((a) => a.id))) {
      await this.alerts.update({ id: In(ids), resolvedAt: IsNull() }, { resolvedAt: now, openKey: null });
    }
    return toResolve.length;
  }

  /** Sends the alert by email and robots as its rule says; returns one delivery record per send. */
  private async sendExternal(alert: Alert, rule: AlertRule): Promise<AlertDelivery[]> {
    const label = SEVERITY_LABEL[alert.severity];
    const records: AlertDelivery[] = [];
    const record = (channel: AlertChannel, target: string, status: string, error: string | null = null) =>
      records.push({ id: newId(), alertId: alert.id, channel, target: target.slice(0, 255), status, error, at: new Date() });

    if (rule.channels.includes(AlertChannel.EMAIL)) {
      const addresses = [...new Set([...alert.recipientIds.map((id) => this.directory.get(id)?.email).filter((e): e is string => !!e), ...rule.emailTo])];
      for (const to of addresses) {
        const result = await this.mailer.send({
          to,
          subject: `【联销${label.zh}】${alert.titleZh}`,
          text: `${alert.titleZh}\n\n${alert.detailZh}\n\n— ${label.en}: ${alert.titleEn}\n${alert.detailEn}\n\n规则 Rule: ${rule.nameZh} / ${rule.nameEn}\n预警编号 Alert id: ${alert.id}`,
          html: `<h3 style="color:${SEVERITY_COLOR[alert.severity]}">${escapeHtml(alert.titleZh)}</h3><p>${escapeHtml(alert.detailZh)}</p><hr><p>${escapeHtml(alert.titleEn)}<br>${escapeHtml(alert.detailEn)}</p><p style="color:#888">${escapeHtml(rule.nameZh)} · ${alert.id}</p>`,
        });
        record(AlertChannel.EMAIL, to, result.sent ? 'SENT' : result.reason === 'DISABLED' ? 'DISABLED' : 'FAILED', result.error ?? null);
      }
    }
    const robot = { title: `${label.zh}：${alert.titleZh}`, markdown: `${alert.detailZh}\n\n> ${alert.titleEn}\n> 预警编号 ${alert.id}`, color: SEVERITY_COLOR[alert.severity] };
    if (rule.channels.includes(AlertChannel.WECOM) && rule.wecomWebhookUrl) {
      const result = await postRobot(rule.wecomWebhookUrl, wecomBody(robot));
      record(AlertChannel.WECOM, hostOf(rule.wecomWebhookUrl), result.ok ? 'SENT' : 'FAILED', result.error ?? null);
    }
    if (rule.channels.includes(AlertChannel.DINGTALK) && rule.dingtalkWebhookUrl) {
      const result = await postRobot(dingtalkSignedUrl(rule.dingtalkWebhookUrl, rule.dingtalkSecret), dingtalkBody(robot));
      record(AlertChannel.DINGTALK, hostOf(rule.dingtalkWebhookUrl), result.ok ? 'SENT' : 'FAILED', result.error ?? null);
    }
    const failed = records.filter((r) => r.status === 'FAILED');
    if (failed.length) this.log.warn({ alertId: alert.id, failed: failed.map((f) => ({ channel: f.channel, error: f.error })) }, 'some alert deliveries failed');
    return records;
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

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url.slice(0, 100);
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
