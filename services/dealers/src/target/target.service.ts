import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, DataSource, In, Repository } from 'typeorm';
import { assertDealerAccess, Caller, DomainError, newId } from '@lianxiao/platform';
import { Dealer } from '../dealer';
import { Sku } from '../catalogue/sku.entity';
import { SellThroughReceipt } from '../sell-through/sell-through-receipt.entity';
import { DealerTarget, DealerTargetSplit } from './dealer-target.entity';
import { DealerTargetLine } from './dealer-target-line.entity';
import { assertLinesAddUp, normaliseLineAmounts, ProductLineAmount } from './product-line-targets';
import { assertSplitAddsUp, MONTHS, QUARTERS, SplitSuggestion, suggestSplit, toCents } from './target-split';

/** Last year's months are counted in China time (UTC+8), where the dealers sell. */
const CHINA_OFFSET_MS = 8 * 3600_000;

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw DomainError.validation([{ field: 'year', messageZh: '年份须在 2000–2100 之间', messageEn: 'year must be between 2000 and 2100' }]);
  }
}

@Injectable()
export class TargetService {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(DealerTarget) private readonly targets: Repository<DealerTarget>,
    @InjectRepository(DealerTargetSplit) private readonly splits: Repository<DealerTargetSplit>,
    @InjectRepository(DealerTargetLine) private readonly lines: Repository<DealerTargetLine>,
  ) {}

  async findForCaller(caller: Caller, dealerId: string, year: number): Promise<DealerTarget | null> {
    assertDealerAccess(caller, dealerId);
    return this.targets.findOneBy({ dealerId, year });
  }

  /** Targets of many dealers for one year in one query (Dealer.target on a page of dealers). */
  findByDealerIds(dealerIds: readonly string[], year: number): Promise<DealerTarget[]> {
    return this.targets.find({ where: { dealerId: In([...dealerIds]), year } });
  }

  async splitsOf(dealerId: string, year: number): Promise<DealerTargetSplit[]> {
    const rows = await this.splits.find({ where: { dealerId, year } });
    const order = [...QUARTERS, ...MONTHS] as string[];
    return rows.sort((a, b) => order.indexOf(a.period) - order.indexOf(b.period));
  }

  /** The catalogue's product lines, in the order of their first SKU code. */
  async catalogueLines(): Promise<string[]> {
    const rows: { productLine: string }[] = await this.db.getRepository(Sku).createQueryBuilder('s')
      .select('s.productLine', 'productLine').addSelect('MIN(s.code)', 'firstCode')
      .groupBy('s.productLine').orderBy('firstCode', 'ASC').getRawMany();
    return rows.map((r) => r.productLine);
  }

  /** Product-line parts of many (dealer, year) targets in one query, keyed `dealerId|year`. */
  async linesByKeys(keys: readonly string[]): Promise<DealerTargetLine[][]> {
    const pairs = keys.map((k) => { const [dealerId, year] = k.split('|'); return { dealerId, year: Number(year) }; });
    const rows = await this.lines.find({
      where: { dealerId: In([...new Set(pairs.map((p) => p.dealerId))]), year: In([...new Set(pairs.map((p) => p.year))]) },
    });
    const order = await this.catalogueLines();
    const rank = (line: string) => (order.includes(line) ? order.indexOf(line) : order.length);
    return pairs.map((p) => rows
      .filter((r) => r.dealerId === p.dealerId && r.year === p.year)
      .sort((a, b) => rank(a.productLine) - rank(b.productLine) || a.productLine.localeCompare(b.productLine)));
  }

  /**
   * HQ sets (or changes) a dealer's annual target and, optionally, its parts per product line. A
   * changed figure drops the dealer's split for that year, which no longer adds up; the dealer
   * splits again. `productLines`: given → replaces the parts, which must add up to the annual
   * figure (TARGET_LINES_MISMATCH otherwise, nothing written); an empty list clears them; left out
   * → the parts stay while they still add up and are dropped with a changed figure.
   */
  async setAnnualTarget(caller: Caller, dealerId: string, year: number, amount: number, productLines?: readonly ProductLineAmount[] | null): Promise<DealerTarget> {
    assertYear(year);
    if (!Number.isFinite(amount) || amount <= 0 || Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6) {
      throw DomainError.validation([{ field: 'amount', messageZh: '年度目标须为大于 0、最多两位小数的金额', messageEn: 'amount must be greater than 0 with at most 2 decimals' }]);
    }
    const lines = productLines ? normaliseLineAmounts(productLines, await this.catalogueLines()) : null;
    if (lines) assertLinesAddUp(amount, lines);
    return this.db.transaction(async (tx) => {
      if (!(await tx.getRepository(Dealer).existsBy({ id: dealerId }))) throw DomainError.notFound('Dealer', '经销商', dealerId);
      const repo = tx.getRepository(DealerTarget);
      const lineRepo = tx.getRepository(DealerTargetLine);
      const existing = await repo.findOneBy({ dealerId, year });
      const changed = !existing || toCents(existing.annualAmount) !== toCents(amount);
      if (lines || changed) await lineRepo.delete({ dealerId, year });
      if (lines?.length) await lineRepo.insert(lines.map((l) => ({ id: newId(), dealerId, year, productLine: l.productLine, amount: l.amount })));
      if (existing) {
        if (changed) await tx.getRepository(DealerTargetSplit).delete({ dealerId, year });
        await repo.update({ id: existing.id }, { annualAmount: amount, setBy: caller.userId });
        return (await repo.findOneByOrFail({ id: existing.id }));
      }
      const id = newId();
      await repo.insert({ id, dealerId, year, annualAmount: amount, setBy: caller.userId });
      return repo.findOneByOrFail({ id });
    });
  }

  /** The dealer (or HQ) splits the annual target; refused whole with the differences unless it adds up. */
  async splitTarget(caller: Caller, dealerId: string, year: number, quarters: number[], months: number[]): Promise<DealerTarget> {
    assertDealerAccess(caller, dealerId);
    assertYear(year);
    const target = await this.targets.findOneBy({ dealerId, year });
    if (!target) throw DomainError.notFound('Annual target', '年度目标', `${year}`);
    assertSplitAddsUp(target.annualAmount, quarters, months);
    await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(DealerTargetSplit);
      await repo.delete({ dealerId, year });
      await repo.insert([
        ...QUARTERS.map((period, i) => ({ id: newId(), dealerId, year, period, amount: quarters[i] })),
        ...MONTHS.map((period, i) => ({ id: newId(), dealerId, year, period, amount: months[i] })),
      ]);
    });
    return target;
  }

  /** Seasonal suggestion from last year's monthly sell-through (amount), else an even split. */
  async suggestion(caller: Caller, dealerId: string, year: number): Promise<SplitSuggestion> {
    assertDealerAccess(caller, dealerId);
    assertYear(year);
    const target = await this.targets.findOneBy({ dealerId, year });
    if (!target) throw DomainError.notFound('Annual target', '年度目标', `${year}`);
    const rows = await this.db.getRepository(SellThroughReceipt).find({
      select: { recordedAt: true, quantity: true, unitPrice: true },
      where: { dealerId, recordedAt: Between(new Date(Date.UTC(year - 1, 0, 1) - CHINA_OFFSET_MS), new Date(Date.UTC(year, 0, 1) - CHINA_OFFSET_MS - 1)) },
    });
    const byMonth = new Array(12).fill(0);
    for (const r of rows) byMonth[new Date(new Date(r.recordedAt).getTime() + CHINA_OFFSET_MS).getUTCMonth()] += r.quantity * r.unitPrice;
    return suggestSplit(target.annualAmount, byMonth);
  }
}
