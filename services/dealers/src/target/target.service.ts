import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, DataSource, In, Repository } from 'typeorm';
import { assertDealerAccess, Caller, DomainError, newId } from '@lianxiao/platform';
import { Dealer } from '../dealer';
import { SellThroughReceipt } from '../sell-through/sell-through-receipt.entity';
import { DealerTarget, DealerTargetSplit } from './dealer-target.entity';
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

  /**
   * HQ sets (or changes) a dealer's annual target. A changed figure drops the dealer's split for
   * that year, which no longer adds up; the dealer splits again.
   */
  async setAnnualTarget(caller: Caller, dealerId: string, year: number, amount: number): Promise<DealerTarget> {
    assertYear(year);
    if (!Number.isFinite(amount) || amount <= 0 || Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6) {
      throw DomainError.validation([{ field: 'amount', messageZh: '年度目标须为大于 0、最多两位小数的金额', messageEn: 'amount must be greater than 0 with at most 2 decimals' }]);
    }
    return this.db.transaction(async (tx) => {
      if (!(await tx.getRepository(Dealer).existsBy({ id: dealerId }))) throw DomainError.notFound('Dealer', '经销商', dealerId);
      const repo = tx.getRepository(DealerTarget);
      const existing = await repo.findOneBy({ dealerId, year });
      if (existing) {
        if (toCents(existing.annualAmount) !== toCents(amount)) await tx.getRepository(DealerTargetSplit).delete({ dealerId, year });
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
