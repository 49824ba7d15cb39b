import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Caller, ConnectionShape, dataScopeOf, DomainError, newId, PageArgs, pageWindow, payloadHash, toConnection, withIdempotency } from '@lianxiao/platform';
import { Dealer } from '../dealer';
import { Sku } from '../catalogue/sku.entity';
import { isoWeekOf } from './iso-week';
import { StockLine } from './stock-line.entity';
import { StockTransfer, TransferStatus } from './stock-transfer.entity';
import { StockUpload } from './stock-upload.entity';
import { insertLines, isMysqlFamily } from './stock-upload.service';

export const TransferErrorCode = {
  TRANSFER_STOCK_SHORT: 'TRANSFER_STOCK_SHORT',
  TRANSFER_NOT_PENDING: 'TRANSFER_NOT_PENDING',
} as const;
export const TRANSFER_IN_WAREHOUSE = '调拨入库';

export interface ProposeTransferInput { toDealerCode: string; skuCode: string; quantity: number; note?: string | null; idempotencyKey?: string | null }

function stockShort(skuCode: string, onHand: number, wanted: number): DomainError {
  return new DomainError(TransferErrorCode.TRANSFER_STOCK_SHORT, `${skuCode} 当前库存 ${onHand}，不足以调出 ${wanted}`, `${skuCode}: ${onHand} on hand, cannot transfer ${wanted}`, [{ field: 'quantity', messageZh: '调拨数量超过当前库存', messageEn: 'quantity exceeds the stock on hand' }], 409);
}

@Injectable()
export class StockTransferService {
  constructor(private readonly db: DataSource) {}

  private ownDealer(caller: Caller, what: string, whatZh: string): string {
    const scope = dataScopeOf(caller);
    if (scope.kind !== 'dealer') throw DomainError.forbidden(`${what} (dealer staff only)`, `${whatZh}（仅限经销商）`);
    return scope.dealerId;
  }

  /** The sender's SKU lines on its latest sheet (locked on MariaDB until the transaction ends). */
  private async latestLines(m: EntityManager, dealerId: string, skuCode: string): Promise<{ upload: StockUpload | null; lines: StockLine[] }> {
    const upload = await m.getRepository(StockUpload).findOne({ where: { dealerId }, order: { isoWeek: 'DESC' } });
    if (!upload) return { upload: null, lines: [] };
    const qb = m.getRepository(StockLine).createQueryBuilder('l')
      .where('l.dealerId = :dealerId AND l.isoWeek = :isoWeek AND l.skuCode = :skuCode', { dealerId, isoWeek: upload.isoWeek, skuCode })
      .orderBy('l.batch', 'ASC').addOrderBy('l.warehouse', 'ASC');
    if (isMysqlFamily(m)) qb.setLock('pessimistic_write');
    return { upload, lines: await qb.getMany() };
  }

  async propose(caller: Caller, input: ProposeTransferInput): Promise<StockTransfer> {
    const fromId = this.ownDealer(caller, 'proposing a stock transfer', '发起库存调拨');
    const quantity = input.quantity;
    const note = input.note?.trim() || null;
    const problems = [
      !(Number.isInteger(quantity) && quantity > 0) && { field: 'quantity', messageZh: '调拨数量须为正整数', messageEn: 'quantity must be a positive whole number' },
      note && note.length > 255 && { field: 'note', messageZh: '备注不能超过 255 字', messageEn: 'note must be at most 255 characters' },
    ].filter((p): p is { field: string; messageZh: string; messageEn: string } => Boolean(p));
    if (problems.length) throw DomainError.validation(problems);
    const skuCode = input.skuCode.trim().toUpperCase();
    const [from, to, sku] = await Promise.all([
      this.db.getRepository(Dealer).findOneByOrFail({ id: fromId }),
      this.db.getRepository(Dealer).findOneBy({ code: input.toDealerCode.trim().toUpperCase() }),
      this.db.getRepository(Sku).findOneBy({ code: skuCode }),
    ]);
    if (!to) throw DomainError.validation([{ field: 'toDealerCode', messageZh: `经销商 ${input.toDealerCode} 不存在`, messageEn: `dealer ${input.toDealerCode} does not exist` }]);
    if (to.id === fromId) throw DomainError.validation([{ field: 'toDealerCode', messageZh: '不能调拨给自己', messageEn: 'cannot transfer to yourself' }]);
    if (!sku) throw DomainError.validation([{ field: 'skuCode', messageZh: `产品编码 ${input.skuCode} 不存在`, messageEn: `SKU ${input.skuCode} does not exist` }]);
    const effect = async (m: EntityManager) => {
      const { lines } = await this.latestLines(m, fromId, skuCode);
      const onHand = lines.reduce((s, l) => s + l.quantity, 0);
      if (onHand < quantity) throw stockShort(skuCode, onHand, quantity);
      const id = newId();
      await m.getRepository(StockTransfer).insert({
        id, fromDealerId: fromId, toDealerId: to.id, fromDealerCode: from.code, fromDealerName: from.name, toDealerCode: to.code, toDealerName: to.name,
        skuCode, quantity, status: TransferStatus.PROPOSED, note, decisionNote: null, proposedBy: caller.userId, decidedBy: null, decidedAt: null,
      });
      return { transferId: id };
    };
    const result = await this.db.transaction(async (tx) => {
      const key = input.idempotencyKey?.trim();
      if (!key) return effect(tx);
      return (await withIdempotency(tx, `dealers.proposeTransfer:${fromId}`, key, payloadHash({ to: to.code, skuCode, quantity, note }), effect, caller.userId)).result;
    });
    return this.db.getRepository(StockTransfer).findOneByOrFail({ id: result.transferId });
  }

  /**
   * The receiver accepts or declines. Acceptance moves the stock in one transaction: the status
   * flips PROPOSED → ACCEPTED with a conditional UPDATE (a second answer finds nothing to flip),
   * the sender's latest-sheet lines go down batch by batch and the receiver's go up.
   */
  async respond(caller: Caller, transferId: string, accept: boolean, note: string | null | undefined): Promise<StockTransfer> {
    const me = this.ownDealer(caller, 'answering a stock transfer', '处理库存调拨');
    const decisionNote = note?.trim().slice(0, 255) || null;
    await this.db.transaction(async (m) => {
      const flipped = await m.createQueryBuilder().update(StockTransfer)
        .set({ status: accept ? TransferStatus.ACCEPTED : TransferStatus.DECLINED, decidedBy: caller.userId, decidedAt: new Date(), decisionNote })
        .where('id = :id AND toDealerId = :me AND status = :pending', { id: transferId, me, pending: TransferStatus.PROPOSED })
        .execute();
      if (!flipped.affected) {
        const t = await m.getRepository(StockTransfer).findOneBy({ id: transferId });
        if (!t || (t.toDealerId !== me && t.fromDealerId !== me)) throw DomainError.notFound('Stock transfer', '调拨单', transferId);
        if (t.toDealerId !== me) throw DomainError.forbidden('answering a transfer you proposed', '处理自己发起的调拨');
        throw new DomainError(TransferErrorCode.TRANSFER_NOT_PENDING, `调拨单已处理（${t.status}）`, `The transfer was already answered (${t.status})`, [], 409);
      }
      if (!accept) return;
      const t = await m.getRepository(StockTransfer).findOneByOrFail({ id: transferId });
      await this.moveStock(m, t);
    });
    return this.db.getRepository(StockTransfer).findOneByOrFail({ id: transferId });
  }

  private async moveStock(m: EntityManager, t: StockTransfer): Promise<void> {
    const { upload: fromUpload, lines } = await this.latestLines(m, t.fromDealerId, t.skuCode);
    const onHand = lines.reduce((s, l) => s + l.quantity, 0);
    if (!fromUpload || onHand < t.quantity) throw stockShort(t.skuCode, onHand, t.quantity);
    const taken: { batch: string; quantity: number }[] = [];
    let left = t.quantity;
    for (const line of lines) {
      if (!left) break;
      const take = Math.min(line.quantity, left);
      if (!take) continue;
      const moved = await m.createQueryBuilder().update(StockLine).set({ quantity: () => 'quantity - :take' })
        .where('id = :id AND quantity >= :take', { id: line.id }).setParameter('take', take).execute();
      if (!moved.affected) throw stockShort(t.skuCode, onHand, t.quantity);
      taken.push({ batch: line.batch, quantity: take });
      left -= take;
    }
    await m.getRepository(StockUpload).update({ id: fromUpload.id }, { totalQuantity: () => `totalQuantity - ${t.quantity}` });

    const uploads = m.getRepository(StockUpload);
    let toUpload = await uploads.findOne({ where: { dealerId: t.toDealerId }, order: { isoWeek: 'DESC' } });
    if (!toUpload) {
      // A receiver without any sheet gets one for this week holding just the transferred stock.
      const id = newId();
      await uploads.insert({
        id, dealerId: t.toDealerId, isoWeek: isoWeekOf(Date.now()), contentHash: ''.padEnd(64, '0'), fileName: TRANSFER_IN_WAREHOUSE,
        lineCount: 0, skuCount: 0, totalQuantity: 0, version: 1, uploadedBy: null, uploadedAt: new Date(),
      });
      toUpload = await uploads.findOneByOrFail({ id });
    }
    const receiverLines = m.getRepository(StockLine);
    for (const part of taken) {
      const place = { dealerId: t.toDealerId, isoWeek: toUpload.isoWeek, skuCode: t.skuCode, batch: part.batch, warehouse: TRANSFER_IN_WAREHOUSE };
      const existing = await receiverLines.findOneBy(place);
      if (existing) await receiverLines.update({ id: existing.id }, { quantity: () => `quantity + ${part.quantity}` });
      else await insertLines(m, t.toDealerId, toUpload.isoWeek, [{ skuCode: t.skuCode, batch: part.batch, warehouse: TRANSFER_IN_WAREHOUSE, quantity: part.quantity }]);
    }
    await uploads.update({ id: toUpload.id }, { totalQuantity: () => `totalQuantity + ${t.quantity}` });
  }

  /** Dealer staff: transfers they send or receive; HQ: all, or one dealer's. */
  async list(caller: Caller, args: { dealerId?: string | null; status?: string | null } & PageArgs): Promise<ConnectionShape<StockTransfer>> {
    const window = pageWindow(args, 20);
    const scope = dataScopeOf(caller);
    const qb = this.db.getRepository(StockTransfer).createQueryBuilder('t');
    let dealerId = args.dealerId ?? null;
    if (scope.kind === 'dealer') {
      if (dealerId && dealerId !== scope.dealerId) throw DomainError.forbidden("another dealer's transfers", '查看其他经销商的调拨');
      dealerId = scope.dealerId;
    } else if (scope.kind === 'none') qb.andWhere('1 = 0');
    if (dealerId) qb.andWhere('(t.fromDealerId = :d OR t.toDealerId = :d)', { d: dealerId });
    if (args.status) qb.andWhere('t.status = :status', { status: args.status });
    const [nodes, total] = await qb.orderBy('t.proposedAt', 'DESC').addOrderBy('t.id', 'ASC').skip(window.skip).take(window.take).getManyAndCount();
    return toConnection(nodes, total, window);
  }

  /** Which side of a transfer the caller's dealer is on (HQ: null). */
  directionFor(caller: Caller, t: StockTransfer): 'OUTGOING' | 'INCOMING' | null {
    const scope = dataScopeOf(caller);
    if (scope.kind !== 'dealer') return null;
    return t.fromDealerId === scope.dealerId ? 'OUTGOING' : t.toDealerId === scope.dealerId ? 'INCOMING' : null;
  }
}
