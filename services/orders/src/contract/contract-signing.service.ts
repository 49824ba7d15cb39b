import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Caller, DomainError } from '@lianxiao/platform';
import { SpecSnapshot, specSnapshot } from '../review/agreement-diff';
import type { TechnicalSpecValues } from '../requirement-ticket/technical-spec';
import { TechnicalAgreement } from '../review/technical-agreement.entity';
import { Contract, ContractStatus } from './contract.entity';
import { ContractService } from './contract.service';
import { PriorityBand, priorityBand, PriorityBreakdown, priorityOf } from './priority';

const SHA256 = /^[0-9a-f]{64}$/i;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * Payload of `orders.contract-signed.v1`, shaped like ContractSignedV1 in libs/contracts
 * (orders.schemas.ts); `ticketId`, `agreementId` and `priorityBreakdown` are extra trace fields.
 */
export interface ContractSignedEvent {
  contractId: string;
  contractNumber: string;
  ticketId: string | null;
  agreementId: string | null;
  customer: { id: string; name: string | null; creditCode: string | null };
  lines: { sku: string; partName: string; quantity: number; requestedDeliveryDate: string | null }[];
  specification: { agreementVersion: number | null } & SpecSnapshot;
  amount: number;
  currency: string;
  grossMargin: number;
  /** The event catalogue's band (LOW/NORMAL/HIGH/URGENT), from the priority score. */
  priority: PriorityBand;
  priorityBreakdown: PriorityBreakdown;
  signedAt: string;
  signedBy: { id: string; name: string };
}

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
  ) {}

  async sign(caller: Caller, contractId: string, signedScanSha256: string, idempotencyKey: string): Promise<Contract> {
    const problems = [];
    if (!SHA256.test(signedScanSha256 ?? '')) problems.push({ field: 'signedScanSha256', messageZh: '签署扫描件哈希须为 64 位十六进制 SHA-256', messageEn: 'signedScanSha256 must be a 64-hex-digit SHA-256' });
    if (!IDEMPOTENCY_KEY.test(idempotencyKey ?? '')) problems.push({ field: 'idempotencyKey', messageZh: '幂等键须为 8–64 位字母数字', messageEn: 'idempotencyKey must be 8–64 letters, digits or ._:-' });
    if (problems.length) throw DomainError.validation(problems);
    const contract = await this.contractService.findForCaller(caller, contractId);
    if (contract.status === ContractStatus.SIGNED) return this.replay(contract, idempotencyKey);

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
    if (signed) return signed;
    return this.replay(await this.contracts.findOneByOrFail({ id: contract.id }), idempotencyKey);
  }

  /**
   * outbox: orders.contract-signed.v1 appended here. Runs inside the signing transaction; the
   * lead wires the platform outbox with one line, e.g.
   *   await outbox.append(tx, 'orders.contract-signed.v1', row.id, await this.buildContractSignedEvent(tx, row));
   */
  private async appendContractSigned(tx: EntityManager, row: Contract): Promise<void> {
    void tx;
    void row;
  }

  /**
   * The `orders.contract-signed.v1` payload for a signed contract, read within `tx`: the
   * agreement version's frozen spec including craft notes (ERP needs them). Customer name and
   * credit code live in the customers service; pass them when known, otherwise they are null.
   */
  async buildContractSignedEvent(tx: EntityManager, contract: Contract, customer: { name: string; creditCode: string } | null = null): Promise<ContractSignedEvent> {
    const agreement = contract.agreementId ? await tx.getRepository(TechnicalAgreement).findOneBy({ id: contract.agreementId }) : null;
    const breakdown = priorityOf(contract.grossMargin, contract.urgency, contract.customerHealth);
    return {
      contractId: contract.id,
      contractNumber: contract.number,
      ticketId: contract.ticketId,
      agreementId: contract.agreementId,
      customer: { id: contract.customerId, name: customer?.name ?? null, creditCode: customer?.creditCode ?? null },
      lines: (contract.lines ?? []).map((l) => ({ sku: l.sku, partName: l.partName, quantity: l.quantity, requestedDeliveryDate: l.requestedDeliveryDate ?? null })),
      specification: { agreementVersion: agreement?.version ?? contract.agreementVersion, ...specSnapshot((agreement?.spec ?? {}) as TechnicalSpecValues) },
      amount: contract.amount,
      currency: contract.currency,
      grossMargin: contract.grossMargin,
      priority: priorityBand(breakdown.score),
      priorityBreakdown: breakdown,
      signedAt: (contract.signedAt ?? new Date()).toISOString(),
      signedBy: { id: contract.signedBy ?? '', name: contract.signedByName ?? '' },
    };
  }

  private replay(contract: Contract, idempotencyKey: string): Contract {
    if (contract.signIdempotencyKey === idempotencyKey) return contract;
    throw DomainError.conflict('合同已签署', 'The contract is already signed');
  }
}
