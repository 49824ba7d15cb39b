import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import {
  assertDealerAccess, assertIdempotencyKey, Caller, ConnectionShape, dataScopeOf, DomainError, newId, OutboxWriter, PageArgs, pageWindow, payloadHash,
  toConnection, withIdempotency,
} from '@lianxiao/platform';
import { announcePointsChange, PointsReason, PointsService } from '../points';
import { RedemptionItem } from './redemption-item.entity';
import { Redemption } from './redemption.entity';

export const REDEMPTION_OUT_OF_STOCK = 'REDEMPTION_OUT_OF_STOCK';
const MAX_QUANTITY = 1000;

export interface RedeemInput { itemId: string; quantity: number; idempotencyKey: string }
export interface SaveItemInput { code: string; name: string; description?: string | null; unit: string; pointsCost: number; stock: number; active?: boolean | null }

function outOfStock(item: RedemptionItem, wanted: number): DomainError {
  return new DomainError(
    REDEMPTION_OUT_OF_STOCK,
    `${item.name} 库存不足：剩余 ${item.stock}，需要 ${wanted}`,
    `${item.code} is out of stock: ${item.stock} left, ${wanted} wanted`,
    [{ field: 'quantity', messageZh: '兑换数量超过库存', messageEn: 'quantity exceeds the stock' }],
    409,
  );
}

@Injectable()
export class RedemptionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(RedemptionItem) private readonly items: Repository<RedemptionItem>,
    @InjectRepository(Redemption) private readonly redemptions: Repository<Redemption>,
    private readonly points: PointsService,
    private readonly outbox: OutboxWriter,
  ) {}

  catalogue(includeInactive: boolean): Promise<RedemptionItem[]> {
    return this.items.find({ where: includeInactive ? {} : { active: true }, order: { pointsCost: 'ASC', code: 'ASC' } });
  }

  /**
   * One transaction: idempotency record, conditional stock decrement, ledger entry with a
   * conditional balance UPDATE (`balance + delta >= 0`, see PointsService.recordIn), the
   * redemption row and `incentives.points-changed.v1`. Any refusal rolls every part back, so the
   * balance never goes negative and stock is never lost, however many redemptions race.
   */
  async redeem(caller: Caller, input: RedeemInput): Promise<{ redemption: Redemption; replayed: boolean }> {
    const scope = dataScopeOf(caller);
    if (scope.kind !== 'dealer') throw DomainError.forbidden('redeeming points (dealer staff only)', '积分兑换（仅限经销商）');
    const dealerId = scope.dealerId;
    if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > MAX_QUANTITY) {
      throw DomainError.validation([{ field: 'quantity', messageZh: `兑换数量须为 1–${MAX_QUANTITY} 的整数`, messageEn: `quantity must be an integer 1–${MAX_QUANTITY}` }]);
    }
    assertIdempotencyKey(input.idempotencyKey);
    const { result, replayed } = await this.db.transaction((tx) =>
      withIdempotency(tx, `incentives.redeemPoints:${dealerId}`, input.idempotencyKey, payloadHash({ itemId: input.itemId, quantity: input.quantity }), async (m) => {
        const item = await m.getRepository(RedemptionItem).findOneBy({ id: input.itemId });
        if (!item || !item.active) throw DomainError.notFound('Catalogue item', '兑换物料', input.itemId);
        const moved = await m.createQueryBuilder().update(RedemptionItem)
          .set({ stock: () => 'stock - :quantity' })
          .where('id = :id AND stock >= :quantity', { id: item.id })
          .setParameter('quantity', input.quantity)
          .execute();
        if (!moved.affected) throw outOfStock(item, input.quantity);
        const cost = item.pointsCost * input.quantity;
        const entryId = newId();
        const note = `兑换 ${item.name} × ${input.quantity}`.slice(0, 128);
        const outcome = await this.points.recordIn(m, { dealerId, delta: -cost, reason: PointsReason.REDEMPTION, note }, entryId);
        if (!outcome.recorded) throw new Error('a redemption entry has no source event and cannot be a duplicate');
        const id = newId();
        await m.getRepository(Redemption).insert({
          id, dealerId, itemId: item.id, itemCode: item.code, itemName: item.name, quantity: input.quantity, points: cost,
          entryId, balanceAfter: outcome.balance, redeemedBy: caller.userId,
        });
        await announcePointsChange(this.outbox, m, { entryId, dealerId, delta: -cost, balance: outcome.balance, rule: PointsReason.REDEMPTION, note });
        return { redemptionId: id };
      }, caller.userId),
    );
    return { redemption: await this.redemptions.findOneByOrFail({ id: result.redemptionId }), replayed };
  }

  async list(caller: Caller, args: { dealerId: string } & PageArgs): Promise<ConnectionShape<Redemption>> {
    assertDealerAccess(caller, args.dealerId);
    const window = pageWindow(args, 20);
    const [nodes, total] = await this.redemptions.findAndCount({
      where: { dealerId: args.dealerId }, order: { createdAt: 'DESC', id: 'ASC' }, skip: window.skip, take: window.take,
    });
    return toConnection(nodes, total, window);
  }

  /** HQ adds or edits a catalogue line by its code (stock is set, not added). */
  async saveItem(input: SaveItemInput): Promise<RedemptionItem> {
    const code = input.code.trim();
    const problems = [
      !/^[A-Z0-9-]{2,32}$/.test(code) && { field: 'code', messageZh: '编码须为 2–32 位大写字母、数字或 -', messageEn: 'code must be 2–32 of A-Z 0-9 -' },
      !input.name.trim() && { field: 'name', messageZh: '名称不能为空', messageEn: 'name is required' },
      !(Number.isInteger(input.pointsCost) && input.pointsCost > 0) && { field: 'pointsCost', messageZh: '积分单价须为正整数', messageEn: 'pointsCost must be a positive integer' },
      !(Number.isInteger(input.stock) && input.stock >= 0) && { field: 'stock', messageZh: '库存须为非负整数', messageEn: 'stock must be a non-negative integer' },
      !input.unit.trim() && { field: 'unit', messageZh: '单位不能为空', messageEn: 'unit is required' },
    ].filter((p): p is { field: string; messageZh: string; messageEn: string } => Boolean(p));
    if (problems.length) throw DomainError.validation(problems);
    const existing = await this.items.findOneBy({ code });
    const values = {
      code, name: input.name.trim(), description: input.description?.trim() || null, unit: input.unit.trim().slice(0, 8),
      pointsCost: input.pointsCost, stock: input.stock, active: input.active ?? true,
    };
    if (existing) await this.items.update({ id: existing.id }, values);
    else await this.items.insert({ id: newId(), ...values });
    return this.items.findOneByOrFail({ code });
  }
}
