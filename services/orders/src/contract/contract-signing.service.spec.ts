import type { EntityManager } from 'typeorm';
import { RequirementUrgency } from '../requirement-ticket/requirement-ticket.entity';
import { specSnapshot } from '../review/agreement-diff';
import { AgreementStatus, TechnicalAgreement } from '../review/technical-agreement.entity';
import { Contract, ContractStatus } from './contract.entity';
import { ContractSigningService } from './contract-signing.service';
import { validateEvent, makeEvent, Topics } from '@lianxiao/contracts';

const SPEC = specSnapshot({
  material: 'SUS304', tolerance: 'ISO 2768-m', surfaceTreatment: '钝化', dimensions: 'M12×60', quantity: 40000, hardness: 'HRC 22-28',
  unitWeight: '58 g', packaging: '纸箱 500 件/箱', certificationStandard: 'RoHS', inspectionStandard: 'GB/T 90.1 AQL 1.0', colour: '本色',
  craftNotes: '螺纹滚压后钝化；首件送检',
});

const agreement = { id: 'ag-2', ticketId: 't-1', version: 2, status: AgreementStatus.APPROVED, spec: SPEC } as TechnicalAgreement;
const contract = {
  id: 'c-1', number: 'HT-2026-0101', customerId: 'cu-1', ownerId: 'u-rep', region: '华东', amount: 186000, currency: 'CNY', grossMargin: 0.32,
  status: ContractStatus.SIGNED, paymentTerms: '30% 预付', firstPaymentDueDate: '2027-01-15', signedAt: new Date('2026-11-23T02:00:00Z'),
  signedBy: 'u-rep', signedByName: '华东销售 王磊', signedScanSha256: 'ab'.repeat(32), signIdempotencyKey: 'sign-1', ticketId: 't-1',
  agreementId: 'ag-2', agreementVersion: 2, lines: [{ sku: 'FL-M12', partName: 'M12 法兰螺栓', quantity: 20000, requestedDeliveryDate: '2027-03-01' }],
  urgency: RequirementUrgency.HIGH, customerHealth: 50,
} as Contract;

const tx = { getRepository: () => ({ findOneBy: async () => agreement }) } as unknown as EntityManager;

describe('orders.contract-signed.v1 payload', () => {
  const service = new ContractSigningService({} as never, {} as never, {} as never, {} as never);
  const customer = { name: '苏州精工机械有限公司', creditCode: '91320500MA1X8K2L3P' };

  it('carries the agreement version, all 12 spec fields including craft notes, lines and priority', async () => {
    const event = await service.buildContractSignedEvent(tx, contract, customer);
    expect(event).toMatchObject({
      contractId: 'c-1', contractNumber: 'HT-2026-0101', ticketId: 't-1', agreementId: 'ag-2',
      customer: { id: 'cu-1', name: '苏州精工机械有限公司', creditCode: '91320500MA1X8K2L3P' },
      lines: contract.lines, amount: 186000, currency: 'CNY', grossMargin: 0.32,
      priority: { score: 64.5, urgency: 'HIGH' },
      signedAt: '2026-11-23T02:00:00.000Z', signedBy: { id: 'u-rep', name: '华东销售 王磊' },
    });
    expect(event.specification).toEqual({ agreementVersion: 2, ...SPEC });
    expect(Object.keys(event.specification)).toHaveLength(13);
    expect(event.specification.craftNotes).toBe('螺纹滚压后钝化；首件送检');
  });

  it('makes an envelope that passes the published JSON Schema', async () => {
    const data = await service.buildContractSignedEvent(tx, contract, customer);
    const ids = { ...contract, id: '0b6a1c1e-5d3f-4e8a-9c2b-7a1d2e3f4b5c', customerId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', signedBy: '6f1c2a4e-8b1d-4c3e-9a7f-1d2e3f4a5b6c' } as Contract;
    const valid = await service.buildContractSignedEvent(tx, ids, customer);
    expect(validateEvent(makeEvent({ type: Topics.contractSigned, source: '/lianxiao/orders', subject: ids.id, data: valid }))).toEqual([]);
    // ids that are not UUIDs break the contract: the outbox would refuse them
    expect(validateEvent(makeEvent({ type: Topics.contractSigned, source: '/lianxiao/orders', subject: 'c-1', data })).length).toBeGreaterThan(0);
  });
});
