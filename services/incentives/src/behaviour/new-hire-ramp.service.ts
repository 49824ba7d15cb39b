import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller } from '@lianxiao/platform';
import { ContractScore } from '../ledger';
import { ScorecardService } from '../scorecard/scorecard.service';
import { NewHireRampSummary } from '../scorecard/scorecard.dto';

const DAY = 86_400_000;

/**
 * Behaviour metric "new-hire days to first deal": hire dates live with the reps here, first deals
 * in the ContractScore read model (fed by orders.contract-signed.v1). The other behaviour metrics
 * live where their data is: department response times in orders (`departmentResponseTimes`),
 * cross-department requests in orders' department tasks; the dashboard composes them through the gateway.
 */
@Injectable()
export class NewHireRampService {
  constructor(private readonly db: DataSource, private readonly scorecards: ScorecardService) {}

  async summary(caller: Caller, now = new Date()): Promise<NewHireRampSummary> {
    const reps = (await this.scorecards.repsInScope(caller)).filter((r) => r.hiredAt && now.getTime() - new Date(r.hiredAt).getTime() <= 365 * DAY);
    if (!reps.length) return { averageDays: null, reps: [] };
    const firsts = await this.db.getRepository(ContractScore).createQueryBuilder('s')
      .select('s.ownerId', 'ownerId').addSelect('MIN(s.signedAt)', 'first')
      .where('s.ownerId IN (:...ids)', { ids: reps.map((r) => r.id) }).groupBy('s.ownerId').getRawMany<{ ownerId: string; first: string | Date }>();
    const firstOf = new Map(firsts.map((f) => [f.ownerId, f.first instanceof Date ? f.first : new Date(/Z$/.test(f.first) ? f.first : `${f.first.replace(' ', 'T')}Z`)]));
    const rows = reps.map((r) => {
      const hiredAt = new Date(r.hiredAt as Date);
      const first = firstOf.get(r.id) ?? null;
      return { repId: r.id, repName: r.name, hiredAt, firstDealAt: first, daysToFirstDeal: first ? Math.max(0, Math.round((first.getTime() - hiredAt.getTime()) / DAY)) : null };
    });
    const done = rows.filter((r) => r.daysToFirstDeal !== null);
    return { averageDays: done.length ? Math.round((done.reduce((s, r) => s + (r.daysToFirstDeal as number), 0) / done.length) * 10) / 10 : null, reps: rows };
  }
}
