import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { chunks } from '@lianxiao/platform';
import { Customer } from '../customer/customer.entity';
import { Evidence, StageTransition } from '../pipeline/pipeline.entities';
import type { CustomerFacts, RegionCounts } from './alert-evaluation';

/** What the alert rules are evaluated on: per-customer facts and per-region stage counts, read in chunks. */
@Injectable()
export class AlertFacts {
  constructor(private readonly db: DataSource) {}

  async customerFacts(filter: { ids?: readonly string[]; ownerIds?: readonly string[] }): Promise<CustomerFacts[]> {
    const select = { id: true, name: true, region: true, ownerId: true, ownerName: true, stage: true, stageEnteredAt: true, lastInteractionAt: true, nextActionDate: true } as const;
    let rows: Customer[];
    if (filter.ids) rows = (await Promise.all(chunks(filter.ids).map((ids) => this.db.getRepository(Customer).find({ select, where: { id: In(ids) } })))).flat();
    else if (filter.ownerIds) rows = (await Promise.all(chunks(filter.ownerIds).map((ids) => this.db.getRepository(Customer).find({ select, where: { ownerId: In(ids) } })))).flat();
    else rows = await this.db.getRepository(Customer).find({ select });
    const inContract = rows.filter((c) => c.stage === 'CONTRACT');
    const entered = new Map<string, Date>();
    const attachments = new Map<string, Date[]>();
    for (const ids of chunks(inContract.map((c) => c.id))) {
      // stage_transition.movedAt has milliseconds (customer.stageEnteredAt only seconds).
      const moves = await this.db.getRepository(StageTransition).find({ select: { customerId: true, toStage: true, movedAt: true }, where: { customerId: In(ids), toStage: 'CONTRACT' } });
      for (const m of moves) if (!entered.has(m.customerId) || entered.get(m.customerId)! < m.movedAt) entered.set(m.customerId, m.movedAt);
      const files = await this.db.getRepository(Evidence).find({ select: { customerId: true, uploadedAt: true }, where: { customerId: In(ids) } });
      for (const f of files) attachments.set(f.customerId, [...(attachments.get(f.customerId) ?? []), f.uploadedAt]);
    }
    return rows.map((c) => {
      const stageEnteredAt = entered.get(c.id) ?? new Date(c.stageEnteredAt);
      return {
        id: c.id, name: c.name, region: c.region, ownerId: c.ownerId, ownerName: c.ownerName, stage: c.stage,
        stageEnteredAt, lastInteractionAt: new Date(c.lastInteractionAt), nextActionDate: c.nextActionDate,
        attachmentsSinceStageEntry: (attachments.get(c.id) ?? []).filter((t) => t.getTime() > stageEnteredAt.getTime()).length,
      };
    });
  }

  async regionCounts(regions?: readonly string[]): Promise<RegionCounts[]> {
    const qb = this.db
      .getRepository(Customer)
      .createQueryBuilder('c')
      .select('c.region', 'region')
      .addSelect('c.stage', 'stage')
      .addSelect('COUNT(*)', 'n')
      .where('c.stage IN (:...stages)', { stages: ['CONTRACT', 'DELIVERY'] })
      .groupBy('c.region')
      .addGroupBy('c.stage');
    if (regions) {
      if (!regions.length) return [];
      qb.andWhere('c.region IN (:...regions)', { regions });
    }
    const rows: { region: string; stage: string; n: string | number }[] = await qb.getRawMany();
    const byRegion = new Map<string, RegionCounts>();
    for (const r of rows) {
      const counts = byRegion.get(r.region) ?? { region: r.region, contract: 0, delivery: 0 };
      if (r.stage === 'CONTRACT') counts.contract = Number(r.n);
      else counts.delivery = Number(r.n);
      byRegion.set(r.region, counts);
    }
    return [...byRegion.values()];
  }
}
