import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ContractSignedV1, makeEvent, TechnicalSpecificationV1, Topics } from '@lianxiao/contracts';
import { Caller, DomainError, OutboxRelay, OutboxWriter } from '@lianxiao/platform';
import { specSnapshot } from '../review/agreement-diff';
import type { TechnicalSpecValues } from '../requirement-ticket/technical-spec';
import { TechnicalAgreement } from '../review/technical-agreement.entity';
import { CustomerRecord } from '../customer-ref/customer-record.entity';
import { Contract, ContractStatus } from './contract.entity';
import { ContractService } from './contract.service';
import { priorityOf } from './priority';

const SHA256 = /^[0-9a-f]{64}$/i;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * Payload of `orders.contract-signed.v1` (ContractSignedV1 in libs/contracts) plus two trace
 * fields, `ticketId` and `agreementId`: one id chain ticket → agreement version → contract → event.
 */
export type ContractSignedEvent = ContractSignedV1 & { ticketId: string | null; agreementId: string | null };

export const ORDERS_EVENT_SOURCE = '/lianxiao/orders';
export const CUSTOMER_UNKNOWN = 'CUSTOMER_UNKNOWN';

/**
 * Signing a contract: one transaction that moves it DRAFT → SIGNED (signedAt, signedBy, scan
 * hash, idempotency key). A retry with the same key answers the first result; another key on a
 * signed contract is refused.
 */
@Injectable()
export class ContractSigningService {
  constructor(
    @InjectRepository(Contract) private readonly contracts: Repository<Contract>,
    private readonly contractService: ContractService,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
  ) {}

  async sign(caller: Caller, contractId: string, signedScanSha256: string, idempotencyKey: string): Promise<Contract> {
    const problems = [];
    if (!SHA256.test(signedScanSha256 ?? '')) problems.push({ field: 'signedScanSha256', messageZh: '签署扫描件哈希须为 64 位十六进制 SHA-256', messageEn: 'signedScanSha256 must be a 64-hex-digit SHA-256' });
    if (!IDEMPOTENCY_KEY.test(idempotencyKey ?? '')) problems.push({ field: 'idempotencyKey', messageZh: '幂等键须为 8–64 位字母数字', messageEn: 'idempotencyKey must be 8–64 letters, digits or ._:-' });
    if (problems.length) throw DomainError.validation(problems);
    const contract = await this.contractService.findForCaller(caller, contractId);
    if (contract.status === ContractStatus.SIGNED) return this.replay(contract, idempotencyKey);
    // Validate first: without the customer's name and credit code the event would break ERP's contract.
    await this.customerOf(this.contracts.manager, contract.customerId);

    const signed = await this.contracts.manager.transaction(async (tx) => {
      const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
      const moved = await tx.getRepository(Contract).update(
        { id: contract.id, status: ContractStatus.DRAFT },
        { status: ContractStatus.SIGNED, signedAt, signedBy: caller.userId, signedByName: (caller.displayName ?? caller.username).slice(0, 64), signedScanSha256: signedScanSha256.toLowerCase(), signIdempotencyKey: idempotencyKey },
      );
      if (!moved.affected) return null; // signed concurrently: answer below from the stored row
      const row = await tx.getRepository(Contract).findOneByOrFail({ id: contract.id });
      await this.appendContractSigned(tx, row);
      return row;
    });
    if (signed) {
      this.relay.wake();
      return signed;
    }
    return this.replay(await this.contracts.findOneByOrFail({ id: contract.id }), idempotencyKey);
  }

  /** orders.contract-signed.v1 into the outbox, inside the signing transaction. */
  private async appendContractSigned(tx: EntityManager, row: Contract): Promise<void> {
    const customer = await this.customerOf(tx, row.customerId);
    const data = await this.buildContractSignedEvent(tx, row, customer);
    await this.outbox.append(tx, makeEvent({ type: Topics.contractSigned, source: ORDERS_EVENT_SOURCE, subject: row.id, data, time: row.signedAt ?? new Date() }));
  }

  /** The customer's master facts from the read model kept by `customers.customer-updated.v1`. */
  private async customerOf(manager: EntityManager, customerId: string): Promise<CustomerRecord> {
    const customer = await manager.getRepository(CustomerRecord).findOneBy({ id: customerId });
    if (customer) return customer;
    throw new DomainError(
      CUSTOMER_UNKNOWN,
      '订单服务尚未收到该客户的主数据（名称、统一社会信用代码），暂不能签署；请稍后重试',
      "The orders service has not yet received this customer's master data (name, credit code); signing is refused, try again shortly",
      [{ field: 'customerId', messageZh: '客户主数据未同步', messageEn: 'customer master data not synchronised', customerId }],
      409,
    );
  }

  /**
   * The `orders.contract-signed.v1` payload for a signed contract, read within `tx`: the
   * agreement version's frozen spec including craft notes (the topic is ERP's, not a portal user's).
   */
  async buildContractSignedEvent(tx: EntityManager, contract: Contract, customer: Pick<CustomerRecord, 'name' | 'creditCode'>): Promise<ContractSignedEvent> {
    const agreement = contract.agreementId ? await tx.getRepository(TechnicalAgreement).findOneBy({ id: contract.agreementId }) : null;
    const breakdown = priorityOf(contract.grossMargin, contract.urgency, contract.customerHealth);
    const spec = specSnapshot((agreement?.spec ?? {}) as TechnicalSpecValues);
    return {
      contractId: contract.id,
      contractNumber: contract.number,
      ticketId: contract.ticketId,
      agreementId: contract.agreementId,
      customer: { id: contract.customerId, name: customer.name, creditCode: customer.creditCode },
      lines: (contract.lines ?? []).map((l) => ({ sku: l.sku, partName: l.partName, quantity: l.quantity, requestedDeliveryDate: l.requestedDeliveryDate ?? '' })),
      specification: { agreementVersion: agreement?.version ?? contract.agreementVersion ?? 0, ...spec } as TechnicalSpecificationV1,
      amount: contract.amount,
      currency: contract.currency,
      grossMargin: contract.grossMargin,
      priority: { score: breakdown.score, urgency: contract.urgency },
      signedAt: (contract.signedAt ?? new Date()).toISOString(),
      signedBy: { id: contract.signedBy ?? '', name: contract.signedByName ?? '' },
    };
  }

  private replay(contract: Contract, idempotencyKey: string): Contract {
    if (contract.signIdempotencyKey === idempotencyKey) return contract;
    throw DomainError.conflict('合同已签署', 'The contract is already signed');
  }
}
