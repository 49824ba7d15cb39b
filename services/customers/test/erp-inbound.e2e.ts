// ERP inbound through the real transport: erp.customer-master-updated.v1 (published here with the
// admin-only ERP simulator, through the customers outbox, the relay and the in-process bus or
// Kafka) updates the customer's latest contact and valid contract amount; a replay or an older
// update changes nothing.
import { errorCodes, gql, tokenFor } from '@lianxiao/testing';
import { createCustomer, userId, waitUntil } from './alerts-fixtures';

const SIMULATE = `mutation($input: ErpCustomerMasterInput!) { simulateErpCustomerMasterUpdate(input: $input) }`;
const CUSTOMER = `query($id: ID!) { customer(id: $id) { id contractedAmount creditCode erpMaster { erpCustomerCode latestContactName latestContactPhone latestContactTitle validContractAmount currency erpUpdatedAt } } }`;

interface CustomerErp {
  id: string;
  contractedAmount: number;
  creditCode: string;
  erpMaster: { erpCustomerCode: string; latestContactName: string; latestContactPhone: string; latestContactTitle: string | null; validContractAmount: number; currency: string; erpUpdatedAt: string } | null;
}

describe('ERP inbound: customer master updates', () => {
  let admin: string;
  let customer: CustomerErp;

  async function read(token = admin): Promise<CustomerErp> {
    const answer = await gql<{ customer: CustomerErp }>(CUSTOMER, { id: customer.id }, token);
    expect(answer.errors).toBeUndefined();
    return answer.data!.customer;
  }

  beforeAll(async () => {
    admin = await tokenFor('admin');
    const rep = await tokenFor('rep.east1');
    const created = await createCustomer(admin, await userId(rep));
    customer = { id: created.id } as CustomerErp;
    customer = await read();
  });

  it('successful: the latest contact and valid contract amount arrive on the customer', async () => {
    const updatedAt = new Date().toISOString();
    const sent = await gql<{ simulateErpCustomerMasterUpdate: string }>(SIMULATE, {
      input: { customerId: customer.id, erpCustomerCode: 'C900001', creditCode: customer.creditCode, latestContactName: '李娜', latestContactPhone: '+86 512 6688 1234', latestContactTitle: '采购经理', validContractAmount: 1250000, updatedAt },
    }, admin);
    expect(sent.errors).toBeUndefined();
    const after = await waitUntil(async () => {
      const c = await read();
      return c.erpMaster ? c : undefined;
    }, 20_000);
    expect(after.contractedAmount).toBe(1250000);
    expect(after.erpMaster).toMatchObject({ erpCustomerCode: 'C900001', latestContactName: '李娜', latestContactPhone: '+86 512 6688 1234', latestContactTitle: '采购经理', validContractAmount: 1250000, currency: 'CNY' });
    // The owner rep sees it too.
    expect((await read(await tokenFor('rep.east1'))).erpMaster?.latestContactName).toBe('李娜');
  });

  it('successful: an older update arriving late changes nothing; a newer one wins', async () => {
    const base = { customerId: customer.id, erpCustomerCode: 'C900001', creditCode: customer.creditCode, latestContactPhone: '13800000000' };
    const older = await gql(SIMULATE, { input: { ...base, latestContactName: '旧联系人', validContractAmount: 1, updatedAt: '2020-01-01T00:00:00.000Z' } }, admin);
    expect(older.errors).toBeUndefined();
    const newer = await gql(SIMULATE, { input: { ...base, latestContactName: '王强', validContractAmount: 1500000.5, updatedAt: new Date(Date.now() + 1000).toISOString() } }, admin);
    expect(newer.errors).toBeUndefined();
    const after = await waitUntil(async () => {
      const c = await read();
      return c.erpMaster?.latestContactName === '王强' ? c : undefined;
    }, 20_000);
    expect(after.contractedAmount).toBe(1500000.5);
  });

  it('failing: only an admin may simulate ERP; a payload breaking the contract is refused', async () => {
    const input = { customerId: customer.id, erpCustomerCode: 'C900001', creditCode: customer.creditCode, latestContactName: '李娜', latestContactPhone: '1', validContractAmount: 1 };
    expect(errorCodes(await gql(SIMULATE, { input }, await tokenFor('director')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(SIMULATE, { input: { ...input, validContractAmount: -5 } }, admin))).toEqual(['VALIDATION_FAILED']);
  });
});
