import { Injectable } from '@nestjs/common';
import { DataSource, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Caller, dataScopeOf, DomainError, PageArgs, pageWindow, toConnection } from '@lianxiao/platform';
import { Customer } from '../customer';
import { FollowUp, StageTransition } from '../pipeline';
import { Stage } from '../stage';
import { AnalyticsFilter, FunnelStage, HeatmapDimension, ObstacleWord, OverdueCustomer, PaymentRiskSignal, RegionConversion, SalesFunnel, StageHeatmap } from './analytics.dto';
import { conversionsOf, countsByStage, DaysBin, FAR_BELOW_SHARE, MIN_REGION_SAMPLE, reachedOf, StageCountRow, timeInStage } from './funnel-math';
import { obstacleWordCounts } from './obstacle-words';
import { DEFAULT_RISK_WINDOW, isPaymentRisk, paymentRiskFigures, PAYMENT_WORD, ACCEPTANCE_WORD } from './payment-risk';

const DAY = 86_400_000;

/** Reads one request may share between its root fields (same filter). */
export interface SharedReads {
  stages(): Promise<Stage[]>;
  counts(): Promise<StageCountRow[]>;
}
/** The word cloud reads at most this many of the newest obstacles in scope. */
const WORD_CLOUD_NOTES = 5_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateArg(field: string, value: string | null | undefined): Date | null {
  if (!value) return null;
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw DomainError.validation([{ field, messageZh: '日期格式须为 YYYY-MM-DD', messageEn: `${field} must be a date YYYY-MM-DD` }]);
  }
  return new Date(`${value}T00:00:00Z`);
}

/**
 * Read-only figures over customers, stage moves and follow-ups. Every query narrows to the
 * caller's scope (director/admin all, supervisor own region, rep own customers) before any filter.
 */
@Injectable()
export class AnalyticsService {
  constructor(private readonly db: DataSource) {}

  /** Adds scope and filter conditions on alias `c` (customer). `period` applies from/to to customer creation. */
  private narrow<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, caller: Caller, filter: AnalyticsFilter | null | undefined, period: boolean): SelectQueryBuilder<T> {
    const scope = dataScopeOf(caller);
    if (scope.kind === 'region') qb.andWhere('c.region = :scopeRegion', { scopeRegion: scope.region });
    else if (scope.kind === 'owner') qb.andWhere('c.ownerId = :scopeOwner', { scopeOwner: scope.userId });
    else if (scope.kind !== 'all') throw DomainError.forbidden('analytics outside the sales organisation', '无权查看销售分析');
    // The same working set as the customer list: merged tombstones and archived customers are out.
    qb.andWhere('c.mergedIntoId IS NULL').andWhere('c.archivedAt IS NULL');
    const f = filter ?? {};
    if (f.region) qb.andWhere('c.region = :region', { region: f.region });
    if (f.industry) qb.andWhere('c.industry = :industry', { industry: f.industry });
    if (f.ownerId) qb.andWhere('c.ownerId = :ownerId', { ownerId: f.ownerId });
    // simple-json column: a JSON array of strings
    if (f.productLine) qb.andWhere('c.productLines LIKE :productLine', { productLine: `%${JSON.stringify(f.productLine)}%` });
    if (period) {
      const from = dateArg('from', f.from);
      const to = dateArg('to', f.to);
      if (from) qb.andWhere('c.createdAt >= :from', { from });
      if (to) qb.andWhere('c.createdAt < :toExclusive', { toExclusive: new Date(to.getTime() + DAY) });
    }
    return qb;
  }

  private needsCustomerJoin(caller: Caller, filter: AnalyticsFilter | null | undefined): boolean {
    const f = filter ?? {};
    return dataScopeOf(caller).kind !== 'all' || !!(f.region || f.industry || f.ownerId || f.productLine || f.from || f.to);
  }

  async stageModel(): Promise<Stage[]> {
    return this.db.getRepository(Stage).find({ order: { order: 'ASC' } });
  }

  /** Customers per region × industry × stage: the one grouped count behind the funnel and both heatmaps. */
  async stageCounts(caller: Caller, filter?: AnalyticsFilter | null): Promise<StageCountRow[]> {
    const qb = this.db.createQueryBuilder(Customer, 'c')
      .select('c.region', 'region').addSelect('c.industry', 'industry').addSelect('c.stage', 'stage').addSelect('COUNT(*)', 'n')
      .groupBy('c.region').addGroupBy('c.industry').addGroupBy('c.stage');
    const rows = await this.narrow(qb, caller, filter, true).getRawMany<StageCountRow>();
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  }

  /** Days in each stage as whole-day bins with exact sums (average exact, p90 to the day). */
  async daysInStageBins(caller: Caller, filter?: AnalyticsFilter | null): Promise<DaysBin[]> {
    const qb = this.db.createQueryBuilder(StageTransition, 't')
      .select('t.fromStage', 'stage').addSelect('ROUND(t.daysInPreviousStage, 0)', 'days').addSelect('COUNT(*)', 'n').addSelect('SUM(t.daysInPreviousStage)', 'sum')
      .groupBy('t.fromStage').addGroupBy('ROUND(t.daysInPreviousStage, 0)');
    if (this.needsCustomerJoin(caller, filter)) {
      qb.innerJoin(Customer, 'c', 'c.id = t.customerId');
      this.narrow(qb, caller, filter, true);
    }
    const rows = await qb.getRawMany<DaysBin>();
    return rows.map((r) => ({ stage: r.stage, days: Number(r.days), n: Number(r.n), sum: Number(r.sum) }));
  }

  /** `shared` lets one request's funnel and heatmap reuse the same grouped count and stage list. */
  async funnel(caller: Caller, filter?: AnalyticsFilter | null, shared?: SharedReads): Promise<SalesFunnel> {
    const [stages, rows, bins] = await Promise.all([shared?.stages() ?? this.stageModel(), shared?.counts() ?? this.stageCounts(caller, filter), this.daysInStageBins(caller, filter)]);
    return this.funnelFrom(stages, rows, bins);
  }

  funnelFrom(stages: Stage[], rows: StageCountRow[], bins: DaysBin[]): SalesFunnel {
    const codes = stages.map((s) => s.code);
    const counts = countsByStage(rows, codes);
    const reached = reachedOf(counts);
    const overall = conversionsOf(counts, codes);
    const funnelStages: FunnelStage[] = stages.map((s, i) => {
      const t = timeInStage(bins, s.code);
      return {
        stage: s.code, nameZh: s.nameZh, nameEn: s.nameEn, count: counts[i], reached: reached[i],
        conversionToNext: i < overall.length ? overall[i].conversion : null,
        averageDaysInStage: t.average, p90DaysInStage: t.p90,
      };
    });
    const regions = [...new Set(rows.map((r) => r.region))].sort();
    const regionConversions: RegionConversion[] = [];
    for (const region of regions) {
      const rc = countsByStage(rows, codes, (r) => r.region === region);
      const rr = reachedOf(rc);
      conversionsOf(rc, codes).forEach((c, i) => {
        const all = overall[i].conversion;
        regionConversions.push({
          region, stage: c.stage, toStage: c.toStage, reached: rr[i], conversion: c.conversion, overallConversion: all,
          belowAverage: c.conversion !== null && all !== null && rr[i] >= MIN_REGION_SAMPLE && c.conversion < all * FAR_BELOW_SHARE,
        });
      });
    }
    return { total: counts.reduce((a, b) => a + b, 0), stages: funnelStages, regionConversions };
  }

  async heatmap(caller: Caller, dimension: HeatmapDimension, filter?: AnalyticsFilter | null, shared?: SharedReads): Promise<StageHeatmap> {
    const [stages, rows] = await Promise.all([shared?.stages() ?? this.stageModel(), shared?.counts() ?? this.stageCounts(caller, filter)]);
    return this.heatmapFrom(stages, rows, dimension);
  }

  heatmapFrom(stages: Stage[], rows: StageCountRow[], dimension: HeatmapDimension): StageHeatmap {
    const keyOf = (r: StageCountRow) => (dimension === HeatmapDimension.REGION ? r.region : r.industry);
    const cells = new Map<string, number>();
    for (const r of rows) {
      const k = `${r.stage}\u0000${keyOf(r)}`;
      cells.set(k, (cells.get(k) ?? 0) + r.n);
    }
    const keys = [...new Set(rows.map(keyOf))].sort();
    return {
      dimension,
      stages: stages.map((s) => s.code),
      keys,
      cells: [...cells].map(([k, count]) => {
        const [stage, key] = k.split('\u0000');
        return { stage, key, count };
      }),
    };
  }

  async overdue(caller: Caller, filter: AnalyticsFilter | null | undefined, first: number, now = new Date()): Promise<OverdueCustomer[]> {
    const today = now.toISOString().slice(0, 10);
    const qb = this.db.createQueryBuilder(Customer, 'c').where('c.nextActionDate < :today', { today });
    const rows = await this.narrow(qb, caller, filter, true).orderBy('c.nextActionDate', 'ASC').addOrderBy('c.id', 'ASC').take(Math.max(1, Math.min(first, 50))).getMany();
    return rows.map((customer) => ({
      customer,
      daysOverdue: Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${String(customer.nextActionDate)}T00:00:00Z`)) / DAY),
    }));
  }

  async wordCloud(caller: Caller, filter: AnalyticsFilter | null | undefined, minCount: number): Promise<ObstacleWord[]> {
    const qb = this.db.createQueryBuilder(FollowUp, 'f').select('f.obstacle', 'obstacle').where('f.obstacle IS NOT NULL');
    if (this.needsCustomerJoin(caller, { ...filter, from: null, to: null })) {
      qb.innerJoin(Customer, 'c', 'c.id = f.customerId');
      this.narrow(qb, caller, filter, false);
    }
    const from = dateArg('from', filter?.from);
    const to = dateArg('to', filter?.to);
    if (from) qb.andWhere('f.createdAt >= :noteFrom', { noteFrom: from });
    if (to) qb.andWhere('f.createdAt < :noteTo', { noteTo: new Date(to.getTime() + DAY) });
    const rows = await qb.orderBy('f.createdAt', 'DESC').limit(WORD_CLOUD_NOTES).getRawMany<{ obstacle: string }>();
    return obstacleWordCounts(rows.map((r) => r.obstacle), Math.max(1, minCount));
  }

  async paymentRisks(caller: Caller, filter: AnalyticsFilter | null | undefined, first: number, asOf = new Date()): Promise<PaymentRiskSignal[]> {
    const since = new Date(asOf.getTime() - (DEFAULT_RISK_WINDOW.recentDays + DEFAULT_RISK_WINDOW.earlierDays) * DAY);
    const qb = this.db.createQueryBuilder(FollowUp, 'f')
      .select('f.customerId', 'customerId').addSelect('f.createdAt', 'createdAt').addSelect('f.summary', 'summary').addSelect('f.obstacle', 'obstacle').addSelect('f.nextAction', 'nextAction')
      .where('f.createdAt >= :since AND f.createdAt <= :asOf', { since, asOf })
      .andWhere('(f.summary LIKE :pay OR f.summary LIKE :accept OR f.obstacle LIKE :pay OR f.obstacle LIKE :accept OR f.nextAction LIKE :pay OR f.nextAction LIKE :accept)', { pay: `%${PAYMENT_WORD}%`, accept: `%${ACCEPTANCE_WORD}%` });
    if (this.needsCustomerJoin(caller, { ...filter, from: null, to: null })) {
      qb.innerJoin(Customer, 'c', 'c.id = f.customerId');
      this.narrow(qb, caller, filter, false);
    }
    const notes = (await qb.getRawMany<{ customerId: string; createdAt: string | Date; summary: string; obstacle: string | null; nextAction: string | null }>()).map((r) => ({
      customerId: r.customerId,
      createdAt: r.createdAt instanceof Date ? r.createdAt : new Date(/Z|[+-]\d\d:?\d\d$/.test(r.createdAt) ? r.createdAt : `${r.createdAt.replace(' ', 'T')}Z`),
      text: [r.summary, r.obstacle, r.nextAction].filter(Boolean).join(' '),
    }));
    const risky = [...paymentRiskFigures(notes, { asOf, ...DEFAULT_RISK_WINDOW }).values()]
      .filter(isPaymentRisk)
      .sort((a, b) => b.recentPaymentMentions - a.recentPaymentMentions || b.lastNoteAt.getTime() - a.lastNoteAt.getTime())
      .slice(0, Math.max(1, Math.min(first, 100)));
    if (!risky.length) return [];
    const customers = await this.db.getRepository(Customer).findBy({ id: In(risky.map((r) => r.customerId)) });
    const byId = new Map(customers.map((c) => [c.id, c]));
    return risky.filter((r) => byId.has(r.customerId)).map(({ customerId, recentNotes: _r, earlierNotes: _e, ...figures }) => ({ customer: byId.get(customerId)!, ...figures }));
  }

  /** Drill-down: the customers behind a chart cell, newest interaction first. */
  async customers(caller: Caller, filter: AnalyticsFilter | null | undefined, stage: string | null | undefined, overdueOnly: boolean, page: PageArgs, now = new Date(), obstacleWord?: string | null) {
    const window = pageWindow(page);
    const qb = this.narrow(this.db.createQueryBuilder(Customer, 'c'), caller, filter, true);
    if (stage) qb.andWhere('c.stage = :stage', { stage });
    if (overdueOnly) qb.andWhere('c.nextActionDate < :today', { today: now.toISOString().slice(0, 10) });
    if (obstacleWord?.trim()) {
      const word = obstacleWord.trim().slice(0, 32).replace(/[%_\\]/g, '');
      qb.andWhere((sub) => `EXISTS ${sub.subQuery().select('1').from(FollowUp, 'fw').where('fw.customerId = c.id').andWhere('fw.obstacle LIKE :obstacleWord').getQuery()}`, { obstacleWord: `%${word}%` });
    }
    const [nodes, total] = await qb.orderBy('c.lastInteractionAt', 'DESC').addOrderBy('c.id', 'ASC').skip(window.skip).take(window.take).getManyAndCount();
    return toConnection(nodes, total, window);
  }
}
