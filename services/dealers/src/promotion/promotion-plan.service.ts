import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Caller, ConnectionShape, dataScopeOf, DomainError, newId, PageArgs, pageWindow, toConnection } from '@lianxiao/platform';
import { DealerTarget, TargetService } from '../target';
import { PromotionPlan, PromotionPlanStatus } from './promotion-plan.entity';
import { assertPlanDeletable, checkPromotionPlan, CheckedPlan, nextPlanStatus, PromotionPlanDraft } from './promotion-plan-rules';

const planNotFound = () => DomainError.notFound('Promotion plan', '促销计划');

/**
 * Local promotion plans (本地促销计划): the dealer's own staff create, edit and delete their own
 * dealer's plans (the dealer always comes from the caller, never from the input); HQ reads all.
 * A plan belongs to a year the dealer has an annual target for.
 */
@Injectable()
export class PromotionPlanService {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(PromotionPlan) private readonly plans: Repository<PromotionPlan>,
    private readonly targets: TargetService,
  ) {}

  private ownDealerOf(caller: Caller): string {
    const scope = dataScopeOf(caller);
    if (scope.kind !== 'dealer') throw DomainError.forbidden("changing a dealer's promotion plans (its own staff only)", '维护促销计划（仅限经销商本身）');
    return scope.dealerId;
  }

  /** Dealer staff: their own dealer's plans only (another dealer's id is FORBIDDEN); HQ: all, optionally one dealer. */
  async list(caller: Caller, args: { dealerId?: string | null; year?: number | null } & PageArgs): Promise<ConnectionShape<PromotionPlan>> {
    const window = pageWindow(args, 50);
    const scope = dataScopeOf(caller);
    const qb = this.plans.createQueryBuilder('p');
    if (scope.kind === 'dealer') {
      if (args.dealerId && args.dealerId !== scope.dealerId) throw DomainError.forbidden("another dealer's promotion plans", '查看其他经销商的促销计划');
      qb.andWhere('p.dealerId = :own', { own: scope.dealerId });
    } else if (scope.kind === 'none') {
      qb.andWhere('1 = 0');
    } else if (args.dealerId) {
      qb.andWhere('p.dealerId = :dealerId', { dealerId: args.dealerId });
    }
    if (args.year !== undefined && args.year !== null) qb.andWhere('p.year = :year', { year: args.year });
    const [nodes, total] = await qb.orderBy('p.startDate', 'ASC').addOrderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').skip(window.skip).take(window.take).getManyAndCount();
    return toConnection(nodes, total, window);
  }

  /** The plans of many (dealer, year) targets in one query, keyed `dealerId|year` (DealerTarget.promotionPlans). */
  async byTargetKeys(keys: readonly string[]): Promise<PromotionPlan[][]> {
    const pairs = keys.map((k) => { const [dealerId, year] = k.split('|'); return { dealerId, year: Number(year) }; });
    const rows = await this.plans.find({
      where: { dealerId: In([...new Set(pairs.map((p) => p.dealerId))]), year: In([...new Set(pairs.map((p) => p.year))]) },
      order: { startDate: 'ASC', name: 'ASC', id: 'ASC' },
    });
    return pairs.map((p) => rows.filter((r) => r.dealerId === p.dealerId && r.year === p.year));
  }

  async create(caller: Caller, draft: PromotionPlanDraft): Promise<PromotionPlan> {
    const dealerId = this.ownDealerOf(caller);
    const plan = checkPromotionPlan(draft);
    await this.assertCatalogueLine(plan);
    return this.db.transaction(async (tx) => {
      await this.assertTargetYear(tx, dealerId, plan.year);
      const id = newId();
      await tx.getRepository(PromotionPlan).insert({ id, dealerId, ...plan, status: plan.status ?? PromotionPlanStatus.PLANNED, createdBy: caller.userId, updatedBy: null });
      return tx.getRepository(PromotionPlan).findOneByOrFail({ id });
    });
  }

  async update(caller: Caller, id: string, draft: PromotionPlanDraft): Promise<PromotionPlan> {
    const dealerId = this.ownDealerOf(caller);
    const plan = checkPromotionPlan(draft);
    await this.assertCatalogueLine(plan);
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(PromotionPlan);
      // Another dealer's plan is answered as missing: its existence is not theirs to learn.
      const existing = await repo.findOneBy({ id, dealerId });
      if (!existing) throw planNotFound();
      const status = nextPlanStatus(existing.status, plan.status);
      await this.assertTargetYear(tx, dealerId, plan.year);
      await repo.update({ id, dealerId }, { ...plan, status, updatedBy: caller.userId });
      return repo.findOneByOrFail({ id });
    });
  }

  async remove(caller: Caller, id: string): Promise<string> {
    const dealerId = this.ownDealerOf(caller);
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(PromotionPlan);
      const existing = await repo.findOneBy({ id, dealerId });
      if (!existing) throw planNotFound();
      assertPlanDeletable(existing.status);
      await repo.delete({ id, dealerId });
      return id;
    });
  }

  private async assertCatalogueLine(plan: CheckedPlan): Promise<void> {
    if (!plan.productLine) return;
    const lines = await this.targets.catalogueLines();
    if (!lines.includes(plan.productLine)) {
      throw DomainError.validation([{
        field: 'productLine',
        messageZh: `产品线「${plan.productLine}」不在产品目录中（可选：${lines.join('、')}）`,
        messageEn: `product line "${plan.productLine}" is not in the catalogue (one of: ${lines.join(', ')})`,
      }]);
    }
  }

  private async assertTargetYear(tx: EntityManager, dealerId: string, year: number): Promise<void> {
    if (!(await tx.getRepository(DealerTarget).existsBy({ dealerId, year }))) {
      throw new DomainError('PROMOTION_NO_TARGET_YEAR', `${year} 年尚无年度目标，促销计划须关联到已设定目标的年度`, `There is no annual target for ${year}; a promotion plan belongs to a year with a target`, [{ field: 'year', messageZh: `${year} 年尚无年度目标`, messageEn: `no annual target for ${year}` }], 400);
    }
  }
}
