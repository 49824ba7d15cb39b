import { DataSource } from 'typeorm';
import { DomainError } from '../errors';
import { contractSignedEvent, sqliteMemoryDataSource } from '../../test/events-fixtures';
import { OutboxEvent } from './outbox-event.entity';
import { EVENT_INVALID, OutboxWriter } from './outbox-writer';

describe('OutboxWriter', () => {
  let dataSource: DataSource;
  const writer = new OutboxWriter();

  beforeEach(async () => {
    dataSource = await sqliteMemoryDataSource();
  });
  afterEach(() => dataSource.destroy());

  it('writes the event in the caller transaction, keyed by the aggregate id', async () => {
    const event = contractSignedEvent();
    await dataSource.transaction((manager) => writer.append(manager, event));
    const [row] = await dataSource.getRepository(OutboxEvent).find();
    expect(row).toMatchObject({ id: event.id, topic: 'orders.contract-signed.v1', messageKey: event.subject, publishedAt: null, attempts: 0 });
    expect(JSON.parse(row.payload)).toEqual(event);
    expect(row.headers).toEqual({ 'content-type': 'application/cloudevents+json; charset=UTF-8' });
  });

  it('writes nothing when the state change rolls back', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await writer.append(manager, contractSignedEvent());
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    expect(await dataSource.getRepository(OutboxEvent).count()).toBe(0);
  });

  it('refuses a contract-signed event that breaks its schema, with a readable reason', async () => {
    const event = contractSignedEvent();
    const data = event.data as { lines: unknown[]; specification: Record<string, unknown> };
    data.lines = [];
    delete data.specification.craftNotes;
    const attempt = dataSource.transaction((manager) => writer.append(manager, event));
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({
      code: EVENT_INVALID,
      messageEn: expect.stringContaining("/data/specification must have required property 'craftNotes'"),
    });
    await expect(attempt).rejects.toMatchObject({ messageEn: expect.stringContaining('/data/lines must NOT have fewer than 1 items') });
    expect(await dataSource.getRepository(OutboxEvent).count()).toBe(0);
  });
});
