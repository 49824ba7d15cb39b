import { DataSource } from 'typeorm';
import { DomainError } from '@lianxiao/platform';
import { PointsAccount } from './points-account.entity';
import { PointsEntry } from './points-entry.entity';
import { PointsService } from './points.service';
import { ledgerBalance } from './points-arithmetic';

describe('points ledger on a real (in-memory SQLite) database', () => {
  let db: DataSource;
  let points: PointsService;

  beforeEach(async () => {
    db = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [PointsAccount, PointsEntry], synchronize: true });
    await db.initialize();
    points = new PointsService(db.getRepository(PointsAccount), db.getRepository(PointsEntry), db);
  });
  afterEach(() => db.destroy());

  const balanceOf = async (dealerId: string) => (await db.getRepository(PointsAccount).findOneByOrFail({ dealerId })).balance;
  const ledgerOf = async (dealerId: string) => ledgerBalance(await db.getRepository(PointsEntry).findBy({ dealerId }));

  it('keeps the balance equal to the sum of the ledger', async () => {
    await points.record({ dealerId: 'd05', delta: 300, reason: 'TRAINING' });
    await points.record({ dealerId: 'd05', delta: 200, reason: 'ON_TIME_PAYMENT' });
    const outcome = await points.record({ dealerId: 'd05', delta: -450, reason: 'REDEMPTION' });
    expect(outcome).toEqual({ recorded: true, balance: 50 });
    expect(await balanceOf('d05')).toBe(50);
    expect(await ledgerOf('d05')).toBe(50);
  });

  it('refuses an overdraft and writes nothing', async () => {
    await points.record({ dealerId: 'd05', delta: 100, reason: 'TRAINING' });
    await expect(points.record({ dealerId: 'd05', delta: -101, reason: 'REDEMPTION' })).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT' });
    await expect(points.record({ dealerId: 'd06', delta: -1, reason: 'REDEMPTION' })).rejects.toBeInstanceOf(DomainError);
    expect(await balanceOf('d05')).toBe(100);
    expect(await db.getRepository(PointsEntry).count()).toBe(1);
  });

  it('counts an event once however often it is delivered', async () => {
    const event = { dealerId: 'd05', delta: 500, reason: 'TARGET_REACHED', sourceEventId: 'evt-1' };
    expect(await points.record(event)).toEqual({ recorded: true, balance: 500 });
    expect(await points.record(event)).toEqual({ recorded: false, reason: 'DUPLICATE_EVENT' });
    expect(await balanceOf('d05')).toBe(500);
  });
});
