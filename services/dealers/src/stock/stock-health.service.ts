import { Injectable } from '@nestjs/common';
import { DataSource, In, MoreThanOrEqual } from 'typeorm';
import { assertDealerAccess, Caller, DomainError, newId } from '@lianxiao/platform';
import { Dealer, Territory } from '../dealer';
import { Sku } from '../catalogue/sku.entity';
import { SellThroughReceipt } from '../sell-through/sell-through-receipt.entity';
import { isoWeekOf, weekStart, weeksBetween, weeksEndingAt } from './iso-week';
import { NEARNESS_LABEL, PlacedDealer } from './province-adjacency';
import {
  annualisedTurnover, CandidateDealer, DEFAULT_STOCK_THRESHOLDS, SALES_WINDOW_WEEKS, SkuHealth, skuHealth, StockThresholdValues, suggestTransfer,
} from './stock-health';
import { StockLine } from './stock-line.entity';
import { StockThreshold } from './stock-threshold.entity';
import { StockUpload } from './stock-upload.entity';

const DAY = 86_400_000;
/** How far back "no sales for N weeks" looks. */
const LAST_SALE_HORIZON_WEEKS = 26;

export interface StockSuggestionView {
  kind: 'TRANSFER' | 'PROMOTION';
  toDealerCode: string | null;
  toDealerName: string | null;
  nearnessZh: string | null;
  nearnessEn: string | null;
  quantity: number;
  theirCoverBefore: number | null;
  theirCoverAfter: number | null;
  messageZh: string;
  messageEn: string;
}

export interface SkuStockHealthView extends SkuHealth { skuName: string; productLine: string; suggestion: StockSuggestionView | null }

export interface StockHealthView {
  dealerId: string;
  isoWeek: string | null;
  uploadedAt: Date | null;
  totalOnHand: number;
  slowCount: number;
  shortCount: number;
  items: SkuStockHealthView[];
}

export interface TurnoverPoint { isoWeek: string; sellThroughValue: number; stockValue: number | null; turnover: number | null }
export interface DealerTurnoverView { dealerCode: string; dealerName: string; region: string; annualisedTurnover: number | null; points: TurnoverPoint[] }
export interface NetworkTurnoverView { weeks: string[]; annualisedTurnover: number | null; definitionZh: string; definitionEn: string; dealers: DealerTurnoverView[] }

export interface ThresholdInput { productLine: string; coverWeeksAbove: number; noSalesWeeks: number; shortCoverWeeks: number; targetCoverWeeks: number }

@Injectable()
export class StockHealthService {
  constructor(private readonly db: DataSource) {}

  async thresholds(): Promise<Map<string, StockThresholdValues>> {
    const rows = await this.db.getRepository(StockThreshold).find();
    const map = new Map<string, StockThresholdValues>(rows.map((r) => [r.productLine, r]));
    if (!map.has('*')) map.set('*', DEFAULT_STOCK_THRESHOLDS);
    return map;
  }

  listThresholds(): Promise<StockThreshold[]> {
    return this.db.getRepository(StockThreshold).find({ order: { productLine: 'ASC' } });
  }

  async setThreshold(input: ThresholdInput): Promise<StockThreshold> {
    const line = input.productLine.trim() || '*';
    const lines = new Set((await this.db.getRepository(Sku).find({ select: { productLine: true } })).map((s) => s.productLine));
    const problems = [
      line !== '*' && !lines.has(line) && { field: 'productLine', messageZh: `产品线 ${line} 不存在`, messageEn: `product line ${line} does not exist` },
      !(input.coverWeeksAbove > 0 && input.coverWeeksAbove <= 104) && { field: 'coverWeeksAbove', messageZh: '滞销周数阈值须在 0–104 之间', messageEn: 'coverWeeksAbove must be within 0–104' },
      !(Number.isInteger(input.noSalesWeeks) && input.noSalesWeeks >= 1 && input.noSalesWeeks <= 52) && { field: 'noSalesWeeks', messageZh: '无动销周数须为 1–52 的整数', messageEn: 'noSalesWeeks must be a whole number 1–52' },
      !(input.shortCoverWeeks >= 0 && input.shortCoverWeeks < input.targetCoverWeeks) && { field: 'shortCoverWeeks', messageZh: '缺货周数须小于目标周数', messageEn: 'shortCoverWeeks must be below targetCoverWeeks' },
      !(input.targetCoverWeeks > 0 && input.targetCoverWeeks <= input.coverWeeksAbove) && { field: 'targetCoverWeeks', messageZh: '目标周数须大于 0 且不超过滞销阈值', messageEn: 'targetCoverWeeks must be > 0 and ≤ coverWeeksAbove' },
    ].filter((p): p is { field: string; messageZh: string; messageEn: string } => Boolean(p));
    if (problems.length) throw DomainError.validation(problems);
    const repo = this.db.getRepository(StockThreshold);
    const existing = await repo.findOneBy({ productLine: line });
    const values = { coverWeeksAbove: input.coverWeeksAbove, noSalesWeeks: input.noSalesWeeks, shortCoverWeeks: input.shortCoverWeeks, targetCoverWeeks: input.targetCoverWeeks };
    if (existing) await repo.update({ id: existing.id }, values);
    else await repo.insert({ id: newId(), productLine: line, ...values });
    return repo.findOneByOrFail({ productLine: line });
  }

  /** Latest stock sheet's week per dealer. */
  private async latestWeeks(dealerIds?: readonly string[]): Promise<Map<string, StockUpload>> {
    const qb = this.db.getRepository(StockUpload).createQueryBuilder('u')
      .where((w) => `u.isoWeek = ${w.subQuery().select('MAX(x.isoWeek)').from(StockUpload, 'x').where('x.dealerId = u.dealerId').getQuery()}`);
    if (dealerIds) qb.andWhere('u.dealerId IN (:...ids)', { ids: dealerIds.length ? [...dealerIds] : [''] });
    return new Map((await qb.getMany()).map((u) => [u.dealerId, u]));
  }

  /** On-hand per dealer and SKU on each dealer's latest sheet. */
  async onHandByDealer(dealerIds?: readonly string[]): Promise<{ latest: Map<string, StockUpload>; onHand: Map<string, Map<string, number>> }> {
    const latest = await this.latestWeeks(dealerIds);
    const onHand = new Map<string, Map<string, number>>();
    const byWeek = new Map<string, string[]>();
    for (const u of latest.values()) byWeek.set(u.isoWeek, [...(byWeek.get(u.isoWeek) ?? []), u.dealerId]);
    for (const [isoWeek, ids] of byWeek) {
      const rows: { dealerId: string; skuCode: string; q: string | number }[] = await this.db.getRepository(StockLine).createQueryBuilder('l')
        .select('l.dealerId', 'dealerId').addSelect('l.skuCode', 'skuCode').addSelect('SUM(l.quantity)', 'q')
        .where('l.isoWeek = :isoWeek AND l.dealerId IN (:...ids)', { isoWeek, ids })
        .groupBy('l.dealerId').addGroupBy('l.skuCode').getRawMany();
      for (const r of rows) {
        if (!onHand.has(r.dealerId)) onHand.set(r.dealerId, new Map());
        onHand.get(r.dealerId)!.set(r.skuCode, Number(r.q));
      }
    }
    return { latest, onHand };
  }

  /** Receipts of the last `weeks` weeks (quantity, value, when). */
  private async salesSince(since: Date, dealerIds?: readonly string[]): Promise<Pick<SellThroughReceipt, 'dealerId' | 'skuCode' | 'quantity' | 'unitPrice' | 'recordedAt'>[]> {
    return this.db.getRepository(SellThroughReceipt).find({
      select: { dealerId: true, skuCode: true, quantity: true, unitPrice: true, recordedAt: true },
      where: { recordedAt: MoreThanOrEqual(since), ...(dealerIds ? { dealerId: In([...dealerIds]) } : {}) },
    });
  }

  async health(caller: Caller, dealerId: string): Promise<StockHealthView> {
    assertDealerAccess(caller, dealerId);
    const now = Date.now();
    const [dealers, territories, skus, thresholds, stock, sales] = await Promise.all([
      this.db.getRepository(Dealer).find(),
      this.db.getRepository(Territory).find(),
      this.db.getRepository(Sku).find(),
      this.thresholds(),
      this.onHandByDealer(),
      this.salesSince(new Date(now - LAST_SALE_HORIZON_WEEKS * 7 * DAY)),
    ]);
    if (!dealers.some((d) => d.id === dealerId)) throw DomainError.notFound('Dealer', '经销商', dealerId);
    const windowStart = now - SALES_WINDOW_WEEKS * 7 * DAY;
    const thisWeek = isoWeekOf(now);
    const sold = new Map<string, number>();
    const lastSale = new Map<string, number>();
    for (const r of sales) {
      const at = new Date(r.recordedAt).getTime();
      const key = `${r.dealerId}|${r.skuCode}`;
      if (at >= windowStart) sold.set(key, (sold.get(key) ?? 0) + r.quantity);
      if (at > (lastSale.get(key) ?? 0)) lastSale.set(key, at);
    }
    const skuByCode = new Map(skus.map((s) => [s.code, s]));
    const thresholdFor = (code: string) => thresholds.get(skuByCode.get(code)?.productLine ?? '*') ?? thresholds.get('*')!;
    const healthOf = (dId: string, code: string): SkuHealth => {
      const key = `${dId}|${code}`;
      const last = lastSale.get(key);
      return skuHealth({
        skuCode: code, onHand: stock.onHand.get(dId)?.get(code) ?? 0, soldInWindow: sold.get(key) ?? 0,
        weeksSinceLastSale: last === undefined ? null : weeksBetween(isoWeekOf(last), thisWeek),
      }, thresholdFor(code));
    };
    const placed = new Map<string, PlacedDealer & { dealerId: string; code: string; name: string }>(dealers.map((d) => [d.id, {
      dealerId: d.id, code: d.code, name: d.name, region: d.region, provinces: territories.filter((t) => t.dealerId === d.id).map((t) => t.provinceCode),
    }]));
    const me = placed.get(dealerId)!;
    const mine = stock.onHand.get(dealerId) ?? new Map<string, number>();
    const codes = new Set<string>([...mine.keys(), ...[...sold.keys()].filter((k) => k.startsWith(`${dealerId}|`)).map((k) => k.split('|')[1])]);
    const items: SkuStockHealthView[] = [...codes].sort().map((code) => {
      const h = healthOf(dealerId, code);
      const t = thresholdFor(code);
      let suggestion: StockSuggestionView | null = null;
      if (h.slow) {
        const candidates: CandidateDealer[] = [...placed.values()]
          .filter((p) => p.dealerId !== dealerId && stock.latest.has(p.dealerId))
          .map((p) => ({ ...p, health: healthOf(p.dealerId, code) }));
        const s = suggestTransfer(me, h, candidates, t);
        if (s) {
          const label = NEARNESS_LABEL[s.nearness];
          const who = s.name.includes(s.code) ? s.name : `${s.name}（${s.code}）`;
          suggestion = {
            kind: 'TRANSFER', toDealerCode: s.code, toDealerName: s.name, nearnessZh: label.zh, nearnessEn: label.en, quantity: s.quantity,
            theirCoverBefore: s.theirCoverBefore, theirCoverAfter: s.theirCoverAfter,
            messageZh: `建议调拨 ${s.quantity} 件给${label.zh}的${who}，对方可售周数 ${s.theirCoverBefore} → ${s.theirCoverAfter}`,
            messageEn: `Transfer ${s.quantity} to ${s.code} (${label.en}); their cover ${s.theirCoverBefore} → ${s.theirCoverAfter} weeks`,
          };
        } else {
          suggestion = {
            kind: 'PROMOTION', toDealerCode: null, toDealerName: null, nearnessZh: null, nearnessEn: null, quantity: h.onHand,
            theirCoverBefore: null, theirCoverAfter: null,
            messageZh: `附近没有缺货的经销商：建议对 ${code} 开展促销（如买赠或阶梯折扣），目标 ${t.targetCoverWeeks} 周内消化`,
            messageEn: `No nearby dealer is short: run a promotion on ${code} (bundle or tiered discount) to sell through within ${t.targetCoverWeeks} weeks`,
          };
        }
      }
      const sku = skuByCode.get(code);
      return { ...h, skuName: sku?.name ?? code, productLine: sku?.productLine ?? '', suggestion };
    });
    const latest = stock.latest.get(dealerId) ?? null;
    return {
      dealerId, isoWeek: latest?.isoWeek ?? null, uploadedAt: latest?.uploadedAt ?? null,
      totalOnHand: items.reduce((s, i) => s + i.onHand, 0), slowCount: items.filter((i) => i.slow).length, shortCount: items.filter((i) => i.short).length,
      items: items.sort((a, b) => Number(b.slow) - Number(a.slow) || Number(b.short) - Number(a.short) || a.skuCode.localeCompare(b.skuCode)),
    };
  }

  /**
   * HQ: weekly stock turnover per dealer — sell-through value of the week ÷ stock value on that
   * week's sheet (list prices), and the period figure annualised: Σ sell-through ÷ average stock × 52 ÷ weeks.
   */
  async networkTurnover(weeksWanted: number): Promise<NetworkTurnoverView> {
    const span = Math.min(Math.max(Math.trunc(weeksWanted) || 12, 2), 52);
    const weeks = weeksEndingAt(Date.now(), span + 1).slice(0, span); // complete weeks only
    const since = weekStart(weeks[0]);
    const until = weekStart(isoWeekOf(Date.now())).getTime();
    const [dealers, skus, sales, lines] = await Promise.all([
      this.db.getRepository(Dealer).find({ order: { code: 'ASC' } }),
      this.db.getRepository(Sku).find(),
      this.salesSince(since),
      this.db.getRepository(StockLine).createQueryBuilder('l')
        .select('l.dealerId', 'dealerId').addSelect('l.isoWeek', 'isoWeek').addSelect('l.skuCode', 'skuCode').addSelect('SUM(l.quantity)', 'q')
        .where('l.isoWeek IN (:...weeks)', { weeks })
        .groupBy('l.dealerId').addGroupBy('l.isoWeek').addGroupBy('l.skuCode').getRawMany<{ dealerId: string; isoWeek: string; skuCode: string; q: string | number }>(),
    ]);
    const price = new Map(skus.map((s) => [s.code, s.price]));
    const stockValue = new Map<string, number>();
    for (const l of lines) stockValue.set(`${l.dealerId}|${l.isoWeek}`, (stockValue.get(`${l.dealerId}|${l.isoWeek}`) ?? 0) + Number(l.q) * (price.get(l.skuCode) ?? 0));
    const soldValue = new Map<string, number>();
    for (const r of sales) {
      const at = new Date(r.recordedAt).getTime();
      if (at >= until) continue;
      const key = `${r.dealerId}|${isoWeekOf(at)}`;
      soldValue.set(key, (soldValue.get(key) ?? 0) + r.quantity * (price.get(r.skuCode) ?? 0));
    }
    let networkSold = 0;
    let networkStock = 0;
    const weeksWithStock = new Set(lines.map((l) => l.isoWeek));
    const views: DealerTurnoverView[] = dealers.map((d) => {
      let sold = 0;
      let stockSum = 0;
      let stockWeeks = 0;
      const points = weeks.map((w) => {
        const s = soldValue.get(`${d.id}|${w}`) ?? 0;
        const v = stockValue.get(`${d.id}|${w}`) ?? null;
        sold += s;
        if (v !== null) { stockSum += v; stockWeeks++; }
        return { isoWeek: w, sellThroughValue: Math.round(s), stockValue: v === null ? null : Math.round(v), turnover: v ? annualisedTurnover(s, v, 1) : null };
      });
      networkSold += sold;
      networkStock += stockSum;
      return { dealerCode: d.code, dealerName: d.name, region: d.region, annualisedTurnover: stockWeeks ? annualisedTurnover(sold, stockSum / stockWeeks, span) : null, points };
    });
    return {
      weeks,
      annualisedTurnover: weeksWithStock.size ? annualisedTurnover(networkSold, networkStock / weeksWithStock.size, span) : null,
      definitionZh: `库存周转率（年化）= 近 ${span} 周终端动销额 ÷ 同期平均库存额 × 52 ÷ ${span}（均按目录价计）`,
      definitionEn: `Stock turnover (annualised) = sell-through value of the last ${span} weeks ÷ average stock value × 52 ÷ ${span} (list prices)`,
      dealers: views,
    };
  }
}
