import type { EntityManager } from 'typeorm';
import { applyCustomerUpdated } from './customer-record.handler';
import type { CustomerRecord } from './customer-record.entity';

/** An in-memory stand-in for the customer_record table. */
function table() {
  const rows = new Map<string, CustomerRecord>();
  const repo = {
    findOneBy: async ({ id }: { id: string }) => rows.get(id) ?? null,
    insert: async (row: CustomerRecord) => void rows.set(row.id, { ...row }),
    update: async ({ id }: { id: string }, changes: Partial<CustomerRecord>) => void rows.set(id, { ...rows.get(id)!, ...changes }),
  };
  return { rows, manager: { getRepository: () => repo } as unknown as EntityManager };
}

const event = (name: string, updatedAt: string) => ({
  id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', name, creditCode: '91320500MA1X8K2L3P', region: '华东', ownerId: '6f1c2a4e-8b1d-4c3e-9a7f-1d2e3f4a5b6c', updatedAt,
});

describe('orders customer read model', () => {
  it('inserts a new customer, then takes a newer version', async () => {
    const { rows, manager } = table();
    expect(await applyCustomerUpdated(manager, event('苏州精工', '2026-11-01T00:00:00Z'))).toBe('inserted');
    expect(await applyCustomerUpdated(manager, event('苏州精工机械有限公司', '2026-11-02T00:00:00Z'))).toBe('updated');
    expect(rows.get(event('', '').id)!.name).toBe('苏州精工机械有限公司');
  });

  it('drops an older version replayed after a newer one', async () => {
    const { rows, manager } = table();
    await applyCustomerUpdated(manager, event('新名称', '2026-11-05T00:00:00Z'));
    expect(await applyCustomerUpdated(manager, event('旧名称', '2026-11-01T00:00:00Z'))).toBe('stale');
    expect(rows.get(event('', '').id)!.name).toBe('新名称');
  });
});
