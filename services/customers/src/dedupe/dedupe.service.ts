import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In, IsNull, SelectQueryBuilder } from 'typeorm';
import { Caller, chunks, CommonErrorCode, ConnectionShape, dataScopeOf, DomainError, newId, OutboxWriter, pageWindow, toConnection } from '@lianxiao/platform';
import { makeEvent, Topics } from '@lianxiao/contracts';
import { Contact, Customer } from '../customer';
import { customerScopeWhere } from '../customer/customer-scope';
import { Evidence, FollowUp, NodeCompletion, StageTransition } from '../pipeline';
import { CustomerMerge, CustomerMergeItem, MovedKind, SurvivorBefore } from './customer-merge.entity';
import { DedupeRecord, DuplicatePair, findDuplicateCandidates, pickSurvivor, REASON_TEXT } from './duplicate-candidates';
import { DuplicateCandidate, DuplicateCandidateArgs, MergeMovedCounts, StaleCustomerArgs } from './dedupe.dto';
import { DedupeErrorCode, MAX_ARCHIVE, MAX_MERGE } from './dedupe-vocabulary';

/** Tables whose rows follow a customer into a merge, by the kind recorded in customer_merge_item. */
const MOVED_TABLES: Record<MovedKind, { entity: typeof FollowUp | typeof Evidence | typeof Contact | typeof StageTransition | typeof NodeCompletion }> = {
  FOLLOW_UP: { entity: FollowUp },
  EVIDENCE: { entity: Evidence },
  CONTACT: { entity: Contact },
  STAGE_TRANSITION: { entity: StageTransition },
  NODE_COMPLETION: { entity: NodeCompletion },
};
/** Active = neither merged into another customer nor archived. */
export function whereActive(qb: SelectQueryBuilder<Customer>, alias = 'c'): SelectQueryBuilder<Customer> {
  return qb.andWhere(`${alias}.mergedIntoId IS NULL`).andWhere(`${alias}.archivedAt IS NULL`);
}

/** Duplicate candidates, merge with undo, and the stale-customer clean-up. */
@Injectable()
export class DedupeService {
  constructor(private readonly db: DataSource, private readonly outbox: OutboxWriter) {}

  /** The region a caller is limited to (supervisor), or null for company-wide callers. */
  private regionOf(caller: Caller, requested?: string | null): string | null {
    const scope = dataScopeOf(caller);
    if (scope.kind === 'region') return scope.region;
    if (scope.kind === 'all') return requested ?? null;
    throw DomainError.forbidden('customer clean-up', '客户清理');
  }

  /** Every active customer in scope reduced to its identifying facts (one query each for customers and contacts). */
  async dedupeRecords(region: string | null): Promise<DedupeRecord[]> {
    const qb = whereActive(this.db.getRepository(Customer).createQueryBuilder('c'))
      .select('c.id', 'id').addSelect('c.name', 'name').addSelect('c.creditCode', 'creditCode').addSelect('c.phone', 'phone');
    if (region) qb.andWhere('c.region = :region', { region });
    const customers = await qb.getRawMany<{ id: string; name: string; creditCode: string; phone: string | null }>();
    const cq = this.db.getRepository(Contact).createQueryBuilder('ct')
      .innerJoin(Customer, 'c', 'c.id = ct.customerId')
      .select('ct.customerId', 'customerId').addSelect('ct.phone', 'phone')
      .where('ct.phone IS NOT NULL').andWhere('c.mergedIntoId IS NULL').andWhere('c.archivedAt IS NULL');
    if (region) cq.andWhere('c.region = :region', { region });
    const phones = new Map<string, string[]>();
    for (const row of await cq.getRawMany<{ customerId: string; phone: string }>()) {
      const list = phones.get(row.customerId);
      if (list) list.push(row.phone);
      else phones.set(row.customerId, [row.phone]);
    }
    return customers.map((c) => ({ id: c.id, name: c.name, creditCode: c.creditCode, phones: [c.phone, ...(phones.get(c.id) ?? [])] }));
  }

  async candidates(caller: Caller, args: DuplicateCandidateArgs): Promise<ConnectionShape<DuplicateCandidate>> {
    const window = pageWindow(args, 20);
    const minScore = Math.min(1, Math.max(0, args.minScore ?? 0.5));
    let pairs = findDuplicateCandidates(await this.dedupeRecords(this.regionOf(caller, args.region)), minScore);
    if (args.customerId) pairs = pairs.filter((p) => p.a === args.customerId || p.b === args.customerId);
    const page = pairs.slice(window.skip, window.skip + window.take);
    const ids = [...new Set(page.flatMap((p) => [p.a, p.b]))];
    const byId = new Map<string, Customer>();
    for (const part of chunks(ids)) for (const c of await this.db.getRepository(Customer).findBy({ id: In(part) })) byId.set(c.id, c);
    return toConnection(page.map((p) => this.toCandidate(p, byId)), pairs.length, window);
  }

  private toCandidate(pair: DuplicatePair, byId: Map<string, Customer>): DuplicateCandidate {
    const both = [byId.get(pair.a), byId.get(pair.b)].filter((c): c is Customer => !!c);
    const survivor = pickSurvivor(both);
    return {
      id: `${pair.a}:${pair.b}`,
      score: pair.score,
      reasons: pair.reasons.map((code) => ({ code, messageZh: REASON_TEXT[code].zh, messageEn: REASON_TEXT[code].en })),
      survivorId: survivor.id,
      customers: [survivor, ...both.filter((c) => c.id !== survivor.id)],
    };
  }

  /**
   * Merges duplicates into the survivor (latest interaction, then larger contract amount): their
   * follow-ups, evidence, contacts, stage history and node completions move over, they become
   * tombstones pointing at it, every moved row is recorded for undo, and
   * customers.customer-merged.v1 is written in the same transaction.
   */
  async merge(caller: Caller, customerIds: readonly string[]): Promise<CustomerMerge> {
    const ids = [...new Set(customerIds)];
    if (ids.length < 2 || ids.length > MAX_MERGE) {
      throw new DomainError(DedupeErrorCode.MERGE_NEEDS_TWO, `合并需要 2 到 ${MAX_MERGE} 个不同的客户`, `A merge needs 2 to ${MAX_MERGE} different customers`, [{ field: 'customerIds', messageZh: `收到 ${ids.length} 个`, messageEn: `got ${ids.length}` }]);
    }
    const region = this.regionOf(caller);
    const where = { id: In(ids), ...(region ? { region } : {}) };
    const customers = await this.db.getRepository(Customer).findBy(where);
    const missing = ids.filter((id) => !customers.some((c) => c.id === id));
    if (missing.length) throw DomainError.notFound('Customer', '客户', missing.join(', '));
    const gone = customers.filter((c) => c.mergedIntoId || c.archivedAt);
    if (gone.length) {
      throw new DomainError(DedupeErrorCode.CUSTOMER_ALREADY_MERGED, `客户已被合并或归档：${gone.map((c) => c.name).join('、')}`, `Already merged or archived: ${gone.map((c) => c.name).join(', ')}`, gone.map((c) => ({ field: 'customerIds', id: c.id, messageZh: c.name, messageEn: c.name })));
    }
    const survivor = pickSurvivor(customers);
    const merged = customers.filter((c) => c.id !== survivor.id);
    const mergedIds = merged.map((c) => c.id);
    const now = new Date();
    const lastInteractionAt = new Date(Math.max(...customers.map((c) => new Date(c.lastInteractionAt).getTime())));
    const survivorBefore: SurvivorBefore = {
      lastInteractionAt: new Date(survivor.lastInteractionAt).toISOString(),
      phone: survivor.phone,
      nextActionDate: survivor.nextActionDate,
    };
    const survivorAfter = {
      lastInteractionAt,
      phone: survivor.phone ?? merged.find((c) => c.phone)?.phone ?? null,
      nextActionDate: survivor.nextActionDate ?? merged.map((c) => c.nextActionDate).filter((d): d is string => !!d).sort()[0] ?? null,
    };
    const mergeId = newId();
    const name = caller.displayName ?? caller.username;

    await this.db.transaction(async (tx) => {
      // Conditional updates: a concurrent merge or archive of any of them makes this one refuse.
      const tomb = await tx.getRepository(Customer).update({ id: In(mergedIds), mergedIntoId: IsNull(), archivedAt: IsNull() }, { mergedIntoId: survivor.id });
      const keep = await tx.getRepository(Customer).update({ id: survivor.id, mergedIntoId: IsNull(), archivedAt: IsNull() }, survivorAfter);
      if (tomb.affected !== mergedIds.length || keep.affected !== 1) {
        throw DomainError.conflict('客户已被他人合并或归档，请刷新后重试', 'A customer was merged or archived meanwhile; reload and try again');
      }
      const items: CustomerMergeItem[] = [];
      for (const kind of Object.keys(MOVED_TABLES) as MovedKind[]) {
        const repo = tx.getRepository(MOVED_TABLES[kind].entity);
        let rows = (await repo.find({ select: { id: true, customerId: true } as never, where: { customerId: In(mergedIds) } as never })) as Array<{ id: string; customerId: string; nodeCode?: string }>;
        if (kind === 'NODE_COMPLETION') rows = await this.completionsThatFit(tx, survivor.id, mergedIds);
        for (const part of chunks(rows.map((r) => r.id))) await repo.update({ id: In(part) } as never, { customerId: survivor.id } as never);
        for (const r of rows) items.push({ id: newId(), mergeId, kind, rowId: r.id, fromCustomerId: r.customerId });
      }
      await tx.getRepository(CustomerMerge).insert({
        id: mergeId, survivorId: survivor.id, mergedIds, region: survivor.region, mergedBy: caller.userId, mergedByName: name,
        mergedAt: now, survivorBefore, undoneAt: null, undoneBy: null,
      });
      for (const part of chunks(items, 200)) await tx.getRepository(CustomerMergeItem).insert(part);
      await this.outbox.append(tx, makeEvent({
        type: Topics.customerMerged,
        source: '/lianxiao/customers',
        subject: survivor.id,
        data: { survivorId: survivor.id, mergedIds, mergedAt: now.toISOString(), mergedBy: { id: caller.userId, name: name.slice(0, 64) } },
      }));
    });
    return this.db.getRepository(CustomerMerge).findOneByOrFail({ id: mergeId });
  }

  /** Completions of the merged customers for nodes the survivor has not done (one per node: the unique key allows one). */
  private async completionsThatFit(tx: EntityManager, survivorId: string, mergedIds: string[]) {
    const all = await tx.getRepository(NodeCompletion).find({ where: { customerId: In([survivorId, ...mergedIds]) }, order: { completedAt: 'ASC', id: 'ASC' } });
    const taken = new Set(all.filter((c) => c.customerId === survivorId).map((c) => c.nodeCode));
    const out: NodeCompletion[] = [];
    for (const c of all) {
      if (c.customerId === survivorId || taken.has(c.nodeCode)) continue;
      taken.add(c.nodeCode);
      out.push(c);
    }
    return out;
  }

  /**
   * Undoes a merge exactly: every recorded row goes back to the customer it came from, the
   * tombstones become customers again and the survivor's changed fields get their old values
   * (unless they changed again since). Rows added to the survivor after the merge stay with it.
   */
  async undo(caller: Caller, mergeId: string): Promise<CustomerMerge> {
    const merge = await this.findMergeForCaller(caller, mergeId);
    if (merge.undoneAt) throw new DomainError(DedupeErrorCode.MERGE_ALREADY_UNDONE, '该合并已撤销', 'This merge has already been undone', [], 409);
    const survivor = await this.db.getRepository(Customer).findOneByOrFail({ id: merge.survivorId });
    if (survivor.mergedIntoId) {
      throw new DomainError(DedupeErrorCode.MERGE_UNDO_BLOCKED, '保留客户已被再次合并，请先撤销之后的合并', 'The surviving customer was merged again since; undo that merge first', [], 409);
    }
    const now = new Date();
    await this.db.transaction(async (tx) => {
      const done = await tx.getRepository(CustomerMerge).update({ id: merge.id, undoneAt: IsNull() }, { undoneAt: now, undoneBy: caller.userId });
      if (done.affected !== 1) throw new DomainError(DedupeErrorCode.MERGE_ALREADY_UNDONE, '该合并已撤销', 'This merge has already been undone', [], 409);
      const items = await tx.getRepository(CustomerMergeItem).findBy({ mergeId: merge.id });
      const groups = new Map<string, { kind: MovedKind; from: string; rowIds: string[] }>();
      for (const item of items) {
        const key = `${item.kind}|${item.fromCustomerId}`;
        const g = groups.get(key) ?? { kind: item.kind, from: item.fromCustomerId, rowIds: [] };
        g.rowIds.push(item.rowId);
        groups.set(key, g);
      }
      for (const g of groups.values()) {
        const repo = tx.getRepository(MOVED_TABLES[g.kind].entity);
        for (const part of chunks(g.rowIds)) await repo.update({ id: In(part), customerId: merge.survivorId } as never, { customerId: g.from } as never);
      }
      await tx.getRepository(Customer).update({ id: In(merge.mergedIds), mergedIntoId: merge.survivorId }, { mergedIntoId: null });
      const before = merge.survivorBefore;
      await tx.getRepository(Customer).update({ id: merge.survivorId }, {
        lastInteractionAt: await this.lastInteractionAfterUndo(tx, merge, survivor),
        phone: before.phone,
        nextActionDate: before.nextActionDate,
      });
      for (const id of [merge.survivorId, ...merge.mergedIds]) {
        const c = await tx.getRepository(Customer).findOneByOrFail({ id });
        await this.outbox.append(tx, makeEvent({
          type: Topics.customerUpdated,
          source: '/lianxiao/customers',
          subject: c.id,
          data: { id: c.id, name: c.name, creditCode: c.creditCode, region: c.region, ownerId: c.ownerId, updatedAt: new Date(c.updatedAt).toISOString() },
        }));
      }
    });
    return this.db.getRepository(CustomerMerge).findOneByOrFail({ id: merge.id });
  }

  /** The survivor's old last interaction, or a later follow-up it got after the merge. */
  private async lastInteractionAfterUndo(tx: EntityManager, merge: CustomerMerge, survivor: Customer): Promise<Date> {
    const before = new Date(merge.survivorBefore.lastInteractionAt);
    const latest = await tx.getRepository(FollowUp).findOne({ where: { customerId: survivor.id }, order: { createdAt: 'DESC' } });
    const latestAt = latest ? new Date(latest.createdAt) : null;
    return latestAt && latestAt > before && latestAt > new Date(merge.mergedAt) ? latestAt : before;
  }

  async findMergeForCaller(caller: Caller, id: string): Promise<CustomerMerge> {
    const region = this.regionOf(caller);
    const merge = await this.db.getRepository(CustomerMerge).findOneBy({ id, ...(region ? { region } : {}) });
    if (!merge) throw DomainError.notFound('Merge', '合并记录', id);
    return merge;
  }

  async merges(caller: Caller, args: { first?: number; offset?: number; after?: string }): Promise<ConnectionShape<CustomerMerge>> {
    const window = pageWindow(args, 20);
    const region = this.regionOf(caller);
    const [nodes, total] = await this.db.getRepository(CustomerMerge).findAndCount({
      where: region ? { region } : {}, order: { mergedAt: 'DESC', id: 'ASC' }, skip: window.skip, take: window.take,
    });
    return toConnection(nodes, total, window);
  }

  async movedCounts(mergeIds: readonly string[]): Promise<Map<string, MergeMovedCounts>> {
    const rows = await this.db.getRepository(CustomerMergeItem).createQueryBuilder('i')
      .select('i.mergeId', 'mergeId').addSelect('i.kind', 'kind').addSelect('COUNT(*)', 'n')
      .where('i.mergeId IN (:...ids)', { ids: mergeIds.length ? [...mergeIds] : [''] })
      .groupBy('i.mergeId').addGroupBy('i.kind').getRawMany<{ mergeId: string; kind: MovedKind; n: string | number }>();
    const out = new Map<string, MergeMovedCounts>();
    for (const id of mergeIds) out.set(id, { followUps: 0, evidence: 0, contacts: 0, stageTransitions: 0, nodeCompletions: 0 });
    const field: Record<MovedKind, keyof MergeMovedCounts> = { FOLLOW_UP: 'followUps', EVIDENCE: 'evidence', CONTACT: 'contacts', STAGE_TRANSITION: 'stageTransitions', NODE_COMPLETION: 'nodeCompletions' };
    for (const r of rows) out.get(r.mergeId)![field[r.kind]] = Number(r.n);
    return out;
  }

  /** Customers by id in the order asked (merge records are already scope-checked). */
  async customersByIds(ids: readonly string[]): Promise<Array<Customer | null>> {
    const found = new Map<string, Customer>();
    for (const part of chunks([...ids])) for (const c of await this.db.getRepository(Customer).findBy({ id: In(part) })) found.set(c.id, c);
    return ids.map((id) => found.get(id) ?? null);
  }

  // ---- stale customers -------------------------------------------------------------------

  private staleQuery(region: string | null, months: number): SelectQueryBuilder<Customer> {
    if (!Number.isInteger(months) || months < 1 || months > 60) {
      throw DomainError.validation([{ field: 'months', messageZh: '月数须为 1 到 60 的整数', messageEn: 'months must be a whole number from 1 to 60' }]);
    }
    const cutoff = new Date();
    cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
    const qb = whereActive(this.db.getRepository(Customer).createQueryBuilder('c')).andWhere('c.lastInteractionAt < :cutoff', { cutoff });
    if (region) qb.andWhere('c.region = :region', { region });
    // A signed contract (reported by orders) is a transaction: such a customer is not stale.
    if (this.db.entityMetadatas.some((m) => m.tableName === 'contract_signal')) {
      qb.andWhere(new Brackets((w) => w.where('NOT EXISTS (SELECT 1 FROM contract_signal s WHERE s.customerId = c.id AND s.signedAt >= :cutoff)', { cutoff })));
    }
    return qb;
  }

  async stale(caller: Caller, args: StaleCustomerArgs): Promise<ConnectionShape<Customer>> {
    const window = pageWindow(args, 20);
    const qb = this.staleQuery(this.regionOf(caller, args.region), args.months ?? 6);
    const [nodes, total] = await qb.orderBy('c.lastInteractionAt', 'ASC').addOrderBy('c.id', 'ASC').offset(window.skip).limit(window.take).getManyAndCount();
    return toConnection(nodes, total, window);
  }

  /** Archives customers from the stale list: all or nothing, each must still be stale for `months`. */
  async archiveStale(caller: Caller, customerIds: readonly string[], months: number): Promise<Customer[]> {
    const ids = [...new Set(customerIds)];
    if (ids.length === 0 || ids.length > MAX_ARCHIVE) {
      throw DomainError.validation([{ field: 'customerIds', messageZh: `一次可归档 1 到 ${MAX_ARCHIVE} 个客户`, messageEn: `Archive 1 to ${MAX_ARCHIVE} customers at a time` }]);
    }
    const region = this.regionOf(caller);
    const stale = new Set<string>();
    for (const part of chunks(ids)) {
      for (const c of await this.staleQuery(region, months).andWhere('c.id IN (:...part)', { part }).select('c.id').getMany()) stale.add(c.id);
    }
    const notStale = ids.filter((id) => !stale.has(id));
    if (notStale.length) {
      throw new DomainError(DedupeErrorCode.CUSTOMER_NOT_STALE, `有 ${notStale.length} 个客户不在 ${months} 个月未互动名单中（或不在您的范围内），未归档任何客户`, `${notStale.length} customer(s) are not on the ${months}-month stale list (or not in your scope); nothing was archived`, notStale.map((id) => ({ field: 'customerIds', id, messageZh: id, messageEn: id })));
    }
    const now = new Date();
    await this.db.transaction(async (tx) => {
      for (const part of chunks(ids)) await tx.getRepository(Customer).update({ id: In(part), archivedAt: IsNull(), mergedIntoId: IsNull() }, { archivedAt: now });
    });
    const out: Customer[] = [];
    for (const part of chunks(ids)) out.push(...(await this.db.getRepository(Customer).findBy({ id: In(part) })));
    return out;
  }

  /** Brings archived customers back to the active list. */
  async restoreArchived(caller: Caller, customerIds: readonly string[]): Promise<Customer[]> {
    const ids = [...new Set(customerIds)].slice(0, MAX_ARCHIVE);
    const scope = customerScopeWhere(dataScopeOf(caller));
    if (!scope || scope.ownerId) throw DomainError.forbidden('customer clean-up', '客户清理');
    const found = await this.db.getRepository(Customer).findBy({ id: In(ids), ...scope });
    if (found.length !== ids.length || ids.length === 0) throw new DomainError(CommonErrorCode.NOT_FOUND, '部分客户不存在', 'Some customers were not found', [], 404);
    await this.db.getRepository(Customer).update({ id: In(ids), ...scope }, { archivedAt: null });
    return this.db.getRepository(Customer).findBy({ id: In(ids) });
  }
}
