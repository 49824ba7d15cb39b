import type { EntityManager } from 'typeorm';
import { RequirementUrgency } from '../requirement-ticket/requirement-ticket.entity';
import { specSnapshot } from '../review/agreement-diff';
import { AgreementStatus, TechnicalAgreement } from '../review/technical-agreement.entity';
import { Contract, ContractStatus } from './contract.entity';
import { ContractSigningService } from './contract-signing.service';
import { priorityBand } from './priority';

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
  const service = new ContractSigningService({} as never, {} as never);

  it('carries the agreement version, all 12 spec fields including craft notes, lines and priority', async () => {
    const event = await service.buildContractSignedEvent(tx, contract, { name: '苏州精工机械有限公司', creditCode: '91320500MA1X8K2L3P' });
    expect(event).toMatchObject({
      contractId: 'c-1', contractNumber: 'HT-2026-0101', ticketId: 't-1', agreementId: 'ag-2',
      customer: { id: 'cu-1', name: '苏州精工机械有限公司', creditCode: '91320500MA1X8K2L3P' },
      lines: contract.lines, amount: 186000, currency: 'CNY', grossMargin: 0.32,
      priority: 'HIGH', priorityBreakdown: { score: 64.5, margin: 32, urgency: 22.5, health: 10 },
      signedAt: '2026-11-23T02:00:00.000Z', signedBy: { id: 'u-rep', name: '华东销售 王磊' },
    });
    expect(event.specification).toEqual({ agreementVersion: 2, ...SPEC });
    expect(Object.keys(event.specification)).toHaveLength(13);
    expect(event.specification.craftNotes).toBe('螺纹滚压后钝化；首件送检');
  });

  it('leaves customer name and credit code null when not given', async () => {
    const event = await service.buildContractSignedEvent(tx, contract);
    expect(event.customer).toEqual({ id: 'cu-1', name: null, creditCode: null });
  });

  it('bands the score like the event catalogue', () => {
    expect([80, 64.5, 45, 20].map(priorityBand)).toEqual(['URGENT', 'HIGH', 'NORMAL', 'LOW']);
  });
});
