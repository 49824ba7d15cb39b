import type { EntityManager } from 'typeorm';
import { CloudEvent, ContractSignedV1, Topics } from '@lianxiao/contracts';
import { Caller, isDuplicateKeyError, Role } from '@lianxiao/platform';
import { ContractSignal, ContractSignalOutcome } from './contract-signal.entity';

export const CONTRACT_SIGNED_CONSUMER = 'customers.contract-signed';
export const CONTRACT_SIGNED_TOPICS = [Topics.contractSigned] as const;
export const CONTRACT_STAGE = 'CONTRACT';

/** Who moves a customer on a signed contract: the system, with company-wide scope. */
export const CONTRACT_SIGNED_SYSTEM_CALLER: Caller = {
  userId: '00000000-0000-4000-8000-00000000c0de',
  username: 'system.contract-signed',
  displayName: '系统（合同签署）',
  roles: [Role.ADMIN],
};

/**
 * Records the signal in the inbox transaction (a redelivered event never gets here; a second
 * event about the same contract is ignored by the primary key). The stage move runs after commit.
 */
export async function recordContractSignal(manager: EntityManager, event: CloudEvent<ContractSignedV1>, now = new Date()): Promise<boolean> {
  const d = event.data;
  try {
    await manager.getRepository(ContractSignal).insert({
      contractId: d.contractId,
      contractNumber: d.contractNumber.slice(0, 32),
      customerId: d.customer.id,
      eventId: event.id,
      signedAt: new Date(d.signedAt),
      outcome: ContractSignalOutcome.PENDING,
      reasonZh: null,
      reasonEn: null,
      receivedAt: now,
      processedAt: null,
    });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
