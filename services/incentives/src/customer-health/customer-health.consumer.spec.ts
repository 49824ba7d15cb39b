import { DataSource } from 'typeorm';
import { ScorecardRecord } from '../scorecard/scorecard.entities';
import { CustomerHealth } from './customer-health.entity';
import { recomputeHealth } from './customer-health.consumer';

describe('customer health recomputed on events', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [CustomerHealth, ScorecardRecord], synchronize: true });
    await db.initialize();
  });
  afterAll(() => db.destroy());

  it('raises a silent lead’s index when it moves to sampling and pays on time', async () => {
    const now = Date.UTC(2026, 10, 20);
    await db.getRepository(CustomerHealth).insert({ customerId: 'c1', score: 20, stage: null, lastInteractionAt: null, interactions90d: 0, paymentRate: null });
    await db.getRepository(ScorecardRecord).insert([
      { id: 'r1', repId: 'rep', quarter: '2026Q4', kind: 'FIRST_PAYMENT', customerId: 'c1', reference: 'P1', value: 3, value2: null, occurredAt: new Date(now), enteredBy: 'x', enteredAt: new Date(now) },
      { id: 'r2', repId: 'rep', quarter: '2026Q4', kind: 'FIRST_PAYMENT', customerId: 'c1', reference: 'P2', value: 12, value2: null, occurredAt: new Date(now), enteredBy: 'x', enteredAt: new Date(now) },
    ]);
    const row = await db.transaction((tx) => recomputeHealth(tx, 'c1', new Date(now), 'SAMPLING', now));
    // 1 of 2 first payments within 7 days → 0.5 × 40 = 20; spoke today 20; 1 interaction 2; SAMPLING 15 → 57
    expect(row).toMatchObject({ paymentRate: 0.5, interactions90d: 1, stage: 'SAMPLING', score: 57 });
    expect((await db.getRepository(CustomerHealth).findOneBy({ customerId: 'c1' }))?.colour).toBe('YELLOW');
  });
});
