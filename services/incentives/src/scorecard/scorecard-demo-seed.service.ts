import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { createLogger, SERVICE_CONFIG, ServiceConfig, stableId } from '@lianxiao/platform';
import { DEMO_NOW, demoWorld, SeededRandom } from '@lianxiao/demo-data';
import { ContractScore } from '../ledger';
import { RepQuarterTarget, SalesRep, ScorecardRecord } from './scorecard.entities';
import { quarterOf, quarterRange, RecordKind } from './scorecard-rules';

const DAY = 86_400_000;

/**
 * First embedded start: the demo reps, their target for the demo quarter, indicator records for
 * every rep, and the demo world's signed contracts in the ContractScore read model (the embedded
 * demo seeds orders directly, so no contract-signed event ever reports them). Idempotent.
 */
@Injectable()
export class ScorecardDemoSeedService implements OnApplicationBootstrap {
  private readonly logger = createLogger('incentives.scorecard-seed');
  constructor(private readonly db: DataSource, @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    if ((await this.db.getRepository(SalesRep).count()) > 0) return;
    const world = demoWorld();
    const r = new SeededRandom(4_2026);
    const quarter = quarterOf(new Date(DEMO_NOW));
    const { start } = quarterRange(quarter);
    const reps: SalesRep[] = world.users.filter((u) => u.roles.includes('REP')).map((u) => ({
      id: u.id, username: u.username, name: u.displayName, region: u.region ?? '', supervisorId: u.supervisorId, hiredAt: new Date(u.hiredAt),
    }));
    const names = new Map(world.users.map((u) => [u.id, u.displayName]));
    const existing = new Set((await this.db.getRepository(ContractScore).findBy({ contractId: In(world.contracts.map((c) => c.id)) })).map((c) => c.contractId));
    const contracts: ContractScore[] = world.contracts.filter((c) => !existing.has(c.id)).map((c) => ({
      id: stableId('demo-contract-score', c.id), contractId: c.id, contractNumber: c.number, ownerId: c.ownerId, ownerName: names.get(c.ownerId) ?? '',
      customerId: c.customerId, amount: c.amount, currency: c.currency, grossMargin: c.grossMargin, signedAt: new Date(c.signedAt), sourceEventId: stableId('demo-contract-event', c.id),
    }));
    const targets: RepQuarterTarget[] = reps.map((rep) => {
      const signed = world.contracts.filter((c) => c.ownerId === rep.id && quarterOf(new Date(c.signedAt)) === quarter).reduce((s, c) => s + c.amount, 0);
      const target = Math.max(500_000, Math.round(signed / (0.6 + r.next() * 0.6) / 10_000) * 10_000);
      return { id: stableId('demo-rep-target', `${rep.id}:${quarter}`), repId: rep.id, quarter, targetAmount: target, baseCommission: 20_000 + r.int(0, 10) * 2_000 };
    });
    const records: ScorecardRecord[] = [];
    const add = (rep: SalesRep, kind: string, value: number, value2: number | null, n: number) => {
      const occurredAt = new Date(Math.min(DEMO_NOW - DAY, start.getTime() + r.int(0, 50) * DAY));
      records.push({
        id: stableId('demo-scorecard-record', `${rep.id}:${kind}:${n}`), repId: rep.id, quarter, kind, customerId: null,
        reference: `${kind.slice(0, 3)}-${quarter}-${String(records.length + 1).padStart(4, '0')}`, value, value2, occurredAt, enteredBy: 'seed', enteredAt: new Date(DEMO_NOW),
      });
    };
    for (const rep of reps) {
      for (let n = 0; n < 3; n++) add(rep, RecordKind.FIRST_PAYMENT, r.int(-3, 14), null, n);
      for (let n = 0; n < 3; n++) add(rep, RecordKind.COMPLAINT_SURVEY, r.int(36, 50) / 10, null, n);
      for (let n = 0; n < 6; n++) add(rep, RecordKind.NEW_PRODUCT_RECOMMENDATION, r.chance(0.3) ? 1 : 0, null, n);
      for (let n = 0; n < 3; n++) add(rep, RecordKind.PAYMENT_CYCLE, r.int(35, 95), null, n);
      add(rep, RecordKind.RETURN_REPAIR, r.int(0, 6), r.int(120, 300), 0);
      for (let n = 0; n < 3; n++) add(rep, RecordKind.REPURCHASE_POTENTIAL, r.int(40, 95), null, n);
      for (let n = 0; n < 2; n++) add(rep, RecordKind.INTERACTION, r.int(15, 35), null, n);
    }
    await this.db.transaction(async (tx) => {
      await tx.getRepository(SalesRep).insert(reps);
      await tx.getRepository(RepQuarterTarget).insert(targets);
      for (let i = 0; i < records.length; i += 100) await tx.getRepository(ScorecardRecord).insert(records.slice(i, i + 100));
      for (let i = 0; i < contracts.length; i += 100) await tx.getRepository(ContractScore).insert(contracts.slice(i, i + 100));
    });
    this.logger.info({ reps: reps.length, records: records.length, contracts: contracts.length, quarter }, 'demo scorecards seeded');
  }
}
