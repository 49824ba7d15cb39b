import { randomUUID } from 'node:crypto';
import { CloudEvent, EventExamples, makeEvent } from '@lianxiao/contracts';
import { DataSource, EntitySchema } from 'typeorm';
import { EVENT_ENTITIES } from '../src/events/event-entities';

/** Test-only helpers shared by the event specs and integration tests (not part of the library). */
export interface TallyRow {
  name: string;
  total: number;
}

export const TallyEntity = new EntitySchema<TallyRow>({
  name: 'TallyRow',
  tableName: 'test_tally',
  columns: { name: { type: 'varchar', length: 50, primary: true }, total: { type: 'int' } },
});

export async function sqliteMemoryDataSource(): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: ':memory:',
    entities: [...EVENT_ENTITIES, TallyEntity],
    synchronize: true,
  });
  await dataSource.initialize();
  await dataSource.getRepository(TallyEntity).insert({ name: 'points', total: 0 });
  return dataSource;
}

export function contractSignedEvent(amount = 1000): CloudEvent {
  const data = structuredClone(EventExamples['orders.contract-signed.v1']);
  data.contractId = randomUUID();
  data.amount = amount;
  return makeEvent({ type: 'orders.contract-signed.v1', source: '/lianxiao/orders', subject: data.contractId, data });
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
