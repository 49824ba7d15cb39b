import type { EntityManager } from 'typeorm';
import type { CloudEvent, ErpCustomerMasterUpdatedV1 } from '@lianxiao/contracts';
import { Customer } from '../customer/customer.entity';
import { ErpCustomerMaster } from './erp-customer-master.entity';

export const ERP_CUSTOMER_MASTER_CONSUMER = 'customers.erp-customer-master';
export const ERP_CUSTOMER_MASTER_TOPICS = ['erp.customer-master-updated.v1'] as const;

export type ErpApplyOutcome = 'APPLIED' | 'STALE' | 'UNKNOWN_CUSTOMER';

/**
 * Applies one ERP update inside the inbox transaction: keeps ERP's latest contact and valid
 * contract amount, and sets the customer's contracted amount (CNY). An update older than the one
 * already applied (replay, reordering) changes nothing.
 */
export async function applyErpCustomerMaster(manager: EntityManager, event: CloudEvent<ErpCustomerMasterUpdatedV1>, now = new Date()): Promise<ErpApplyOutcome> {
  const data = event.data;
  const erpUpdatedAt = new Date(data.updatedAt);
  const repo = manager.getRepository(ErpCustomerMaster);
  const existing = await repo.findOneBy({ customerId: data.customerId });
  if (existing && existing.erpUpdatedAt.getTime() > erpUpdatedAt.getTime()) return 'STALE';
  const row: ErpCustomerMaster = {
    customerId: data.customerId,
    erpCustomerCode: data.erpCustomerCode,
    creditCode: data.creditCode,
    latestContactName: data.latestContact.name,
    latestContactPhone: data.latestContact.phone,
    latestContactTitle: data.latestContact.title ?? null,
    validContractAmount: data.validContractAmount,
    currency: data.currency,
    erpUpdatedAt,
    receivedAt: now,
    eventId: event.id,
  };
  await repo.save(row);
  const customer = await manager.getRepository(Customer).findOne({ select: { id: true }, where: { id: data.customerId } });
  if (!customer) return 'UNKNOWN_CUSTOMER';
  // The customer master keeps CNY; an amount in another currency stays on the ERP record only.
  if (data.currency === 'CNY') await manager.getRepository(Customer).update({ id: data.customerId }, { contractedAmount: data.validContractAmount });
  return 'APPLIED';
}
