import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Caller, ConnectionShape, dataScopeOf, DomainError, newId, OutboxWriter, PageArgs, pageWindow, toConnection } from '@lianxiao/platform';
import { makeEvent, Topics } from '@lianxiao/contracts';
import { Dealer, Territory } from '../dealer';
import { assertDealerActive } from '../dealer/dealer-profile.rules';
import { Sku } from '../catalogue/sku.entity';
import { SellThroughReceipt } from './sell-through-receipt.entity';
import {
  checkReceiptInput, checkTerritory, duplicateError, duplicateKindOf, idempotencyReusedError, payloadHashOf, ReceiptDraftInput,
} from './receipt-rules';

/**
 * Thrown inside the transaction when the insert hit a unique index while an idempotency key was
 * given: a concurrent request with the same key may have won (MariaDB reports whichever index it
 * checked first, often the receipt number's). The caller then looks for that first receipt.
 */
class IdempotencyRace extends Error {
  constructor(readonly duplicate: Error | null) {
    super('idempotency race');
  }
}

@Injectable()
export class SellThroughService {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(SellThroughReceipt) private readonly receipts: Repository<SellThroughReceipt>,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Records one end-customer sale for the caller's own dealer. Duplicates (receipt number or image
   * at any dealer) are caught from the unique indexes inside the transaction, never checked first.
   */
  async record(caller: Caller, input: ReceiptDraftInput): Promise<SellThroughReceipt> {
    const scope = dataScopeOf(caller);
    if (scope.kind !== 'dealer') throw DomainError.forbidden('recording a sell-through receipt (dealer staff only)', '登记终端动销（仅限经销商）');
    const dealerId = scope.dealerId;
    const image = checkReceiptInput(input);
    const receiptNumber = input.receiptNumber.trim();
    const idempotencyKey = input.idempotencyKey?.trim() || null;
    const payloadHash = payloadHashOf(input, image.sha256);

    const replay = async (): Promise<SellThroughReceipt | null> => {
      if (!idempotencyKey) return null;
      const first = await this.receipts.findOneBy({ dealerId, idempotencyKey });
      if (!first) return null;
      if (first.payloadHash !== payloadHash) throw idempotencyReusedError(idempotencyKey);
      return first;
    };

    const earlier = await replay();
    if (earlier) return earlier;
    try {
      return await this.db.transaction(async (tx) => {
        const sku = await tx.getRepository(Sku).findOneBy({ code: input.skuCode.trim() });
        if (!sku) throw DomainError.validation([{ field: 'skuCode', messageZh: `产品编码 ${input.skuCode} 不存在`, messageEn: `SKU ${input.skuCode} does not exist` }]);
        const dealer = await tx.getRepository(Dealer).findOneBy({ id: dealerId });
        if (!dealer) throw DomainError.notFound('Dealer', '经销商', dealerId);
        assertDealerActive(dealer, '登记终端动销', 'record sell-through receipts');
        const territories = await tx.getRepository(Territory).findBy({ dealerId });
        const verdict = checkTerritory(dealer.region, territories, input.deliveryProvinceCode);
        const id = newId();
        try {
          await tx.getRepository(SellThroughReceipt).insert({
            id, dealerId, skuCode: sku.code, quantity: input.quantity, unitPrice: input.unitPrice,
            endCustomerName: input.endCustomerName.trim(), deliveryProvinceCode: input.deliveryProvinceCode,
            deliveryCityCode: input.deliveryCityCode ?? null, receiptNumber, imageSha256: image.sha256,
            imageMimeType: image.mimeType, imageBytes: image.bytes.length, recordedBy: caller.userId,
            crossRegionFlag: verdict.crossRegion, flagReason: verdict.reason, flagConfidence: verdict.confidence,
            flagStatus: verdict.crossRegion ? 'FLAGGED' : null,
            idempotencyKey, payloadHash,
          });
        } catch (error) {
          const kind = duplicateKindOf(error);
          if (kind === 'idempotency') throw new IdempotencyRace(null);
          if (kind && idempotencyKey) throw new IdempotencyRace(duplicateError(kind, receiptNumber));
          if (kind) throw duplicateError(kind, receiptNumber);
          throw error;
        }
        const saved = await tx.getRepository(SellThroughReceipt).findOneByOrFail({ id });
        // Same transaction as the receipt: the points ledger (incentives) credits the dealer from it.
        await this.outbox.append(tx, makeEvent({
          type: Topics.sellThroughRecorded,
          source: '/lianxiao/dealers',
          subject: dealerId,
          data: {
            recordId: id, dealerId, customerId: null, sku: sku.code, quantity: input.quantity,
            amount: Math.round(input.quantity * input.unitPrice * 100) / 100, currency: 'CNY',
            soldOn: saved.recordedAt.toISOString().slice(0, 10), recordedAt: saved.recordedAt.toISOString(),
          },
        }));
        return saved;
      });
    } catch (error) {
      if (!(error instanceof IdempotencyRace)) throw error;
      const first = await replay();
      if (first) return first;
      throw error.duplicate ?? error;
    }
  }

  /** Flag counts per delivery province (HQ network view). */
  async flagsByProvince(): Promise<{ provinceCode: string; flagged: number; standing: number }[]> {
    const rows: { provinceCode: string; flagged: string | number; dismissed: string | number }[] = await this.receipts.createQueryBuilder('r')
      .select('r.deliveryProvinceCode', 'provinceCode')
      .addSelect('COUNT(*)', 'flagged')
      .addSelect("SUM(CASE WHEN r.flagStatus = 'DISMISSED' THEN 1 ELSE 0 END)", 'dismissed')
      .where('r.crossRegionFlag = :flag', { flag: true })
      .groupBy('r.deliveryProvinceCode')
      .getRawMany();
    return rows
      .map((r) => ({ provinceCode: r.provinceCode, flagged: Number(r.flagged), standing: Number(r.flagged) - Number(r.dismissed ?? 0) }))
      .sort((a, b) => b.flagged - a.flagged || a.provinceCode.localeCompare(b.provinceCode));
  }

  /** Receipts in the caller's scope: dealer staff only their own dealer's, HQ all (optionally one dealer). */
  async list(caller: Caller, args: { dealerId?: string | null; flaggedOnly?: boolean | null } & PageArgs): Promise<ConnectionShape<SellThroughReceipt>> {
    const window = pageWindow(args, 20);
    const scope = dataScopeOf(caller);
    const qb = this.receipts.createQueryBuilder('r');
    if (scope.kind === 'dealer') {
      if (args.dealerId && args.dealerId !== scope.dealerId) throw DomainError.forbidden("another dealer's receipts", '查看其他经销商的签收单');
      qb.andWhere('r.dealerId = :own', { own: scope.dealerId });
    } else if (scope.kind === 'none') {
      qb.andWhere('1 = 0');
    } else if (args.dealerId) {
      qb.andWhere('r.dealerId = :dealerId', { dealerId: args.dealerId });
    }
    if (args.flaggedOnly) qb.andWhere('r.crossRegionFlag = :flag', { flag: true });
    const [nodes, total] = await qb.orderBy('r.recordedAt', 'DESC').addOrderBy('r.id', 'ASC').skip(window.skip).take(window.take).getManyAndCount();
    return toConnection(nodes, total, window);
  }
}
