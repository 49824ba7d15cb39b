import { DataSource } from 'typeorm';
import { EVENT_ENTITIES, OutboxEvent } from '@lianxiao/platform';
import { appendStageChanged, daysBetween } from './stage-changed-event';

const facts = {
  customerId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  ownerId: '2c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  fromStage: 'QUOTATION',
  toStage: 'CONTRACT',
  toNode: 'CONTRACT_NEGOTIATION',
  changedAt: new Date('2026-11-23T08:00:00.000Z'),
  changedBy: { id: '2c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', name: '华东销售 王磊' },
  previousStageEnteredAt: new Date('2026-11-13T02:00:00.000Z'),
};

describe('customers.stage-changed.v1 in the move transaction', () => {
  let db: DataSource;
  beforeEach(async () => {
    db = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: EVENT_ENTITIES, synchronize: true }).initialize();
  });
  afterEach(() => db.destroy());

  it('commits with the move: who, when, from, to and the days in the previous stage', async () => {
    await db.transaction((tx) => appendStageChanged(tx, facts));
    const [row] = await db.getRepository(OutboxEvent).find();
    expect(row).toMatchObject({ topic: 'customers.stage-changed.v1', messageKey: facts.customerId });
    const event = JSON.parse(row.payload) as { data: Record<string, unknown> };
    expect(event.data).toEqual({
      customerId: facts.customerId, fromStage: 'QUOTATION', toStage: 'CONTRACT', toNode: 'CONTRACT_NEGOTIATION', ownerId: facts.ownerId,
      changedAt: '2026-11-23T08:00:00.000Z', changedBy: facts.changedBy, previousStageEnteredAt: '2026-11-13T02:00:00.000Z', daysInPreviousStage: 10.25,
    });
  });

  it('rolls back with the move: a refused or failed move leaves no event', async () => {
    await expect(
      db.transaction(async (tx) => {
        await appendStageChanged(tx, facts);
        throw new Error('stage changed meanwhile');
      }),
    ).rejects.toThrow('stage changed meanwhile');
    expect(await db.getRepository(OutboxEvent).count()).toBe(0);
  });

  it('counts days with two decimals and never below zero', () => {
    expect(daysBetween(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-01T06:00:00Z'))).toBe(0.25);
    expect(daysBetween(new Date('2026-11-02T00:00:00Z'), new Date('2026-11-01T00:00:00Z'))).toBe(0);
  });
});
