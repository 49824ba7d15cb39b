import type { EntityManager } from 'typeorm';
import { CloudEvent, CustomerUpdatedV1, Topics } from '@lianxiao/contracts';
import type { InboxHandler } from '@lianxiao/platform';
import { CustomerRecord } from './customer-record.entity';

export const CUSTOMER_RECORDS_CONSUMER = 'orders.customer-records';
export const CUSTOMER_RECORDS_TOPICS = [Topics.customerUpdated] as const;

export type CustomerRecordEffect = 'inserted' | 'updated' | 'stale';

/**
 * Upserts the read model from one `customers.customer-updated.v1`. Events of one customer arrive
 * in order (keyed by id), but a replay may bring an old one again: it is dropped as stale.
 */
export async function applyCustomerUpdated(manager: EntityManager, data: CustomerUpdatedV1, now = new Date()): Promise<CustomerRecordEffect> {
  const repo = manager.getRepository(CustomerRecord);
  const sourceUpdatedAt = new Date(data.updatedAt);
  const row = { name: data.name, creditCode: data.creditCode, region: data.region, ownerId: data.ownerId, sourceUpdatedAt, receivedAt: now };
  const existing = await repo.findOneBy({ id: data.id });
  if (!existing) {
    await repo.insert({ id: data.id, ...row });
    return 'inserted';
  }
  if (existing.sourceUpdatedAt.getTime() > sourceUpdatedAt.getTime()) return 'stale';
  await repo.update({ id: data.id }, row);
  return 'updated';
}

export const customerRecordHandler: InboxHandler = async (event, { manager }) => {
  await applyCustomerUpdated(manager, (event as CloudEvent<CustomerUpdatedV1>).data);
};
