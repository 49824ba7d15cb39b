import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, MoreThanOrEqual, Repository } from 'typeorm';
import { assertDealerAccess, Caller, ConnectionShape, DomainError, newId, pageWindow, toConnection } from '@lianxiao/platform';
import { PointsAccount } from './points-account.entity';
import { PointsEntry, PointsReason } from './points-entry.entity';

const CHINA_OFFSET_MS = 8 * 3_600_000;
import { PointsEntryDraft, PointsEntryListArgs } from './points.dto';
import { applyPointsDelta, assertValidDelta, insufficientPoints } from './points-arithmetic';

/** A unique-key violation on SQLite or MariaDB (here: an event already recorded). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT');
}

export type RecordOutcome = { recorded: true; balance: number } | { recorded: false; reason: 'DUPLICATE_EVENT' };

@Injectable()
export class PointsService {
  constructor(
    @InjectRepository(PointsAccount) private readonly accounts: Repository<PointsAccount>,
    @InjectRepository(PointsEntry) private readonly entries: Repository<PointsEntry>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Dealer staff may read only their own dealer's account; HQ any. */
  async accountForCaller(caller: Caller, dealerId: string): Promise<PointsAccount> {
    assertDealerAccess(caller, dealerId);
    const account = await this.accounts.findOneBy({ dealerId });
    if (!account) throw DomainError.notFound('Points account', '积分账户', dealerId);
    return account;
  }

  /** Newest entries first. */
  async entriesForCaller(caller: Caller, args: PointsEntryListArgs): Promise<ConnectionShape<PointsEntry>> {
    assertDealerAccess(caller, args.dealerId);
    const window = pageWindow(args, 20);
    const [nodes, total] = await this.entries.findAndCount({
      where: { dealerId: args.dealerId },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: window.skip,
      take: window.take,
    });
    return toConnection(nodes, total, window);
  }

  /**
   * HQ network view: points issued (positive entries) and redeemed (REDEMPTION entries) per
   * calendar month (UTC+8), oldest first, for the last `months` months.
   */
  async networkSummary(months: number): Promise<{ month: string; issued: number; redeemed: number; adjusted: number }[]> {
    const span = Math.min(Math.max(Math.trunc(months) || 12, 1), 36);
    const now = new Date(Date.now() + CHINA_OFFSET_MS);
    const keys: string[] = [];
    for (let i = span - 1; i >= 0; i--) {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
      keys.push(d.toISOString().slice(0, 7));
    }
    const since = new Date(Date.parse(`${keys[0]}-01T00:00:00Z`) - CHINA_OFFSET_MS);
    const rows = await this.entries.find({ select: { delta: true, reason: true, createdAt: true }, where: { createdAt: MoreThanOrEqual(since) } });
    const byMonth = new Map(keys.map((k) => [k, { month: k, issued: 0, redeemed: 0, adjusted: 0 }]));
    for (const r of rows) {
      const bucket = byMonth.get(new Date(new Date(r.createdAt).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 7));
      if (!bucket) continue;
      if (r.reason === PointsReason.REDEMPTION) bucket.redeemed += -r.delta;
      else if (r.reason === PointsReason.ADJUSTMENT) bucket.adjusted += r.delta;
      else if (r.delta > 0) bucket.issued += r.delta;
    }
    return [...byMonth.values()];
  }

  /** Accounts of many dealers in one query (Dealer.pointsBalance for a page of dealers). */
  findAccountsByDealerIds(dealerIds: readonly string[]): Promise<PointsAccount[]> {
    return this.accounts.find({ where: { dealerId: In([...dealerIds]) } });
  }

  /**
   * Adds one ledger entry and moves the balance in the same transaction. The entry is inserted
   * first so a repeated event hits the unique sourceEventId (idempotent consumer); the balance
   * moves with one conditional UPDATE, so two concurrent redemptions can never overdraw it.
   */
  async record(draft: PointsEntryDraft): Promise<RecordOutcome> {
    assertValidDelta(draft.delta);
    return this.db.transaction((tx) => this.recordIn(tx, draft));
  }

  /**
   * `record` inside the caller's transaction (an event consumer's inbox transaction), with the
   * entry id chosen by the caller so it can announce the entry in the same transaction.
   */
  async recordIn(tx: EntityManager, draft: PointsEntryDraft, entryId: string = newId()): Promise<RecordOutcome> {
    assertValidDelta(draft.delta);
    try {
      await tx.getRepository(PointsEntry).insert({
        id: entryId, dealerId: draft.dealerId, delta: draft.delta, reason: draft.reason,
        note: draft.note ?? null, sourceEventId: draft.sourceEventId ?? null,
      });
    } catch (error) {
      // Only the entry insert can hit sourceEventId's unique index: this event is already counted.
      // (On PostgreSQL the transaction would be aborted here; SQLite and MariaDB carry on.)
      if (draft.sourceEventId && isUniqueViolation(error)) return { recorded: false, reason: 'DUPLICATE_EVENT' };
      throw error;
    }
    const accounts = tx.getRepository(PointsAccount);
    const existing = await accounts.findOneBy({ dealerId: draft.dealerId });
    if (!existing) {
      const balance = applyPointsDelta(0, draft.delta);
      await accounts.insert({ id: newId(), dealerId: draft.dealerId, balance });
      return { recorded: true, balance };
    }
    const moved = await tx
      .createQueryBuilder()
      .update(PointsAccount)
      .set({ balance: () => 'balance + :delta' })
      .where('dealerId = :dealerId AND balance + :delta >= 0', { dealerId: draft.dealerId })
      .setParameter('delta', draft.delta)
      .execute();
    if (!moved.affected) throw insufficientPoints(existing.balance, -draft.delta);
    const after = await accounts.findOneByOrFail({ dealerId: draft.dealerId });
    return { recorded: true, balance: after.balance };
  }
}
