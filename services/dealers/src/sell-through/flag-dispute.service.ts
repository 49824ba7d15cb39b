import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller, ConnectionShape, dataScopeOf, DomainError, ErrorDetail, newId, PageArgs, pageWindow, toConnection } from '@lianxiao/platform';
import { DisputeDecision, FlagDispute, FlagStatus } from './flag-dispute.entity';
import { checkImage } from './receipt-rules';
import { SellThroughReceipt } from './sell-through-receipt.entity';

export const DisputeErrorCode = { FLAG_NOT_DISPUTABLE: 'FLAG_NOT_DISPUTABLE', DISPUTE_ALREADY_DECIDED: 'DISPUTE_ALREADY_DECIDED' } as const;

export interface DisputeInput { receiptId: string; comment: string; evidenceNote?: string | null; evidenceImageBase64?: string | null; evidenceImageMimeType?: string | null }

@Injectable()
export class FlagDisputeService {
  constructor(private readonly db: DataSource) {}

  /** The dealer disputes one of its own flagged receipts (once, while the flag is undecided). */
  async dispute(caller: Caller, input: DisputeInput): Promise<FlagDispute> {
    const scope = dataScopeOf(caller);
    if (scope.kind !== 'dealer') throw DomainError.forbidden('disputing a 窜货 flag (dealer staff only)', '窜货申诉（仅限经销商）');
    const comment = input.comment?.trim() ?? '';
    const evidenceNote = input.evidenceNote?.trim() || null;
    const details: ErrorDetail[] = [];
    if (comment.length < 5 || comment.length > 1000) details.push({ field: 'comment', messageZh: '申诉说明须为 5–1000 字', messageEn: 'comment must be 5–1000 characters' });
    if (evidenceNote && evidenceNote.length > 500) details.push({ field: 'evidenceNote', messageZh: '证据说明不能超过 500 字', messageEn: 'evidenceNote must be at most 500 characters' });
    let image: { sha256: string; mimeType: string; bytes: Buffer } | null = null;
    if (input.evidenceImageBase64) {
      const checked = checkImage(input.evidenceImageBase64, input.evidenceImageMimeType ?? '');
      if ('sha256' in checked) image = checked as { sha256: string; mimeType: string; bytes: Buffer };
      else details.push({ ...(checked as ErrorDetail), field: 'evidenceImageBase64' });
    }
    if (!evidenceNote && !image) details.push({ field: 'evidenceNote', messageZh: '请提供证据（说明或图片）', messageEn: 'evidence is required (a note or a photo)' });
    if (details.length) throw DomainError.validation(details);
    const id = newId();
    await this.db.transaction(async (m) => {
      const receipt = await m.getRepository(SellThroughReceipt).findOneBy({ id: input.receiptId });
      if (!receipt || receipt.dealerId !== scope.dealerId) throw DomainError.notFound('Receipt', '签收单', input.receiptId);
      // The conditional UPDATE is the gate: a second dispute (or one racing it) finds nothing to flip.
      const flipped = await m.createQueryBuilder().update(SellThroughReceipt).set({ flagStatus: FlagStatus.DISPUTED })
        .where('id = :id AND crossRegionFlag = :flag AND flagStatus = :status', { id: receipt.id, flag: true, status: FlagStatus.FLAGGED }).execute();
      if (!flipped.affected) {
        throw new DomainError(DisputeErrorCode.FLAG_NOT_DISPUTABLE, `签收单 ${receipt.receiptNumber} 没有可申诉的窜货标记（${receipt.flagStatus ?? '未标记'}）`, `Receipt ${receipt.receiptNumber} has no disputable 窜货 flag (${receipt.flagStatus ?? 'not flagged'})`, [], 409);
      }
      await m.getRepository(FlagDispute).insert({
        id, receiptId: receipt.id, dealerId: receipt.dealerId, receiptNumber: receipt.receiptNumber, comment, evidenceNote,
        evidenceSha256: image?.sha256 ?? null, evidenceMimeType: image?.mimeType ?? null, evidenceBytes: image?.bytes.length ?? null,
        status: 'OPEN', raisedBy: caller.userId, decisionNote: null, decidedBy: null, decidedAt: null,
      });
    });
    return this.db.getRepository(FlagDispute).findOneByOrFail({ id });
  }

  /** HQ decides: UPHELD keeps the flag, DISMISSED clears it. */
  async decide(caller: Caller, disputeId: string, decision: string, note: string | null | undefined): Promise<FlagDispute> {
    if (decision !== DisputeDecision.UPHELD && decision !== DisputeDecision.DISMISSED) {
      throw DomainError.validation([{ field: 'decision', messageZh: '裁定须为 UPHELD（维持）或 DISMISSED（撤销）', messageEn: 'decision must be UPHELD or DISMISSED' }]);
    }
    const decisionNote = note?.trim().slice(0, 500) || null;
    await this.db.transaction(async (m) => {
      const flipped = await m.createQueryBuilder().update(FlagDispute).set({ status: decision, decisionNote, decidedBy: caller.userId, decidedAt: new Date() })
        .where('id = :id AND status = :open', { id: disputeId, open: 'OPEN' }).execute();
      if (!flipped.affected) {
        const d = await m.getRepository(FlagDispute).findOneBy({ id: disputeId });
        if (!d) throw DomainError.notFound('Dispute', '申诉', disputeId);
        throw new DomainError(DisputeErrorCode.DISPUTE_ALREADY_DECIDED, `该申诉已裁定（${d.status}）`, `The dispute was already decided (${d.status})`, [], 409);
      }
      const d = await m.getRepository(FlagDispute).findOneByOrFail({ id: disputeId });
      await m.getRepository(SellThroughReceipt).update({ id: d.receiptId }, { flagStatus: decision });
    });
    return this.db.getRepository(FlagDispute).findOneByOrFail({ id: disputeId });
  }

  /** Dealer staff: their own disputes; HQ: all (optionally one status). */
  async list(caller: Caller, args: { status?: string | null; receiptId?: string | null } & PageArgs): Promise<ConnectionShape<FlagDispute>> {
    const window = pageWindow(args, 20);
    const scope = dataScopeOf(caller);
    const qb = this.db.getRepository(FlagDispute).createQueryBuilder('d');
    if (scope.kind === 'dealer') qb.andWhere('d.dealerId = :own', { own: scope.dealerId });
    else if (scope.kind === 'none') qb.andWhere('1 = 0');
    if (args.status) qb.andWhere('d.status = :status', { status: args.status });
    if (args.receiptId) qb.andWhere('d.receiptId = :receiptId', { receiptId: args.receiptId });
    const [nodes, total] = await qb.orderBy('d.createdAt', 'DESC').addOrderBy('d.id', 'ASC').skip(window.skip).take(window.take).getManyAndCount();
    return toConnection(nodes, total, window);
  }
}
