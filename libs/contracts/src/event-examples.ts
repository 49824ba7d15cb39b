import type { EventDataMap, EventType } from './event-catalogue';

/**
 * One valid example per event type: documentation (AsyncAPI examples), contract tests and test
 * fixtures. Ids are fixed so the examples are stable.
 */
const rep = { id: '6f1c2a4e-8b1d-4c3e-9a7f-1d2e3f4a5b6c', name: '王磊' };

export const EventExamples: { readonly [T in EventType]: EventDataMap[T] } = {
  'orders.contract-signed.v1': {
    contractId: '0b6a1c1e-5d3f-4e8a-9c2b-7a1d2e3f4b5c',
    contractNumber: 'HT-2026-0001',
    customer: { id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', name: '苏州精工机械有限公司', creditCode: '91320500MA1X8K2L3P' },
    lines: [
      { sku: 'FL-M12-304', partName: 'M12 法兰螺栓', quantity: 20000, requestedDeliveryDate: '2026-03-15' },
      { sku: 'WS-M12-304', partName: 'M12 平垫圈', quantity: 20000, requestedDeliveryDate: '2026-03-15' },
    ],
    specification: {
      agreementVersion: 3,
      material: 'SUS304',
      tolerance: 'ISO 2768-m',
      surfaceTreatment: '钝化',
      dimensions: 'M12×60',
      quantity: 40000,
      hardness: 'HRC 22-28',
      unitWeight: '58 g',
      packaging: '纸箱 500 件/箱，托盘',
      certificationStandard: 'RoHS',
      inspectionStandard: 'GB/T 90.1 抽检 AQL 1.0',
      colour: '本色',
      craftNotes: '螺纹滚压后钝化；首件送检',
    },
    amount: 186000,
    currency: 'CNY',
    grossMargin: 0.23,
    priority: { score: 68.5, urgency: 'HIGH' },
    signedAt: '2026-01-20T08:30:00.000Z',
    signedBy: rep,
  },
  'orders.order-status-changed.v1': {
    orderId: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a',
    contractId: '0b6a1c1e-5d3f-4e8a-9c2b-7a1d2e3f4b5c',
    customerId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    fromStatus: 'SCHEDULED',
    toStatus: 'IN_PRODUCTION',
    version: 2,
    changedAt: '2026-01-22T02:00:00.000Z',
    changedBy: rep,
  },
  'customers.stage-changed.v1': {
    customerId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    fromStage: 'INQUIRY',
    toStage: 'QUOTATION',
    ownerId: rep.id,
    changedAt: '2026-01-10T06:00:00.000Z',
    changedBy: rep,
  },
  'customers.customer-merged.v1': {
    survivorId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    mergedIds: ['3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b'],
    mergedAt: '2026-01-11T06:00:00.000Z',
    mergedBy: rep,
  },
  'customers.customer-updated.v1': {
    id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    name: '苏州精工机械有限公司',
    creditCode: '91320500MA1X8K2L3P',
    region: '华东',
    ownerId: rep.id,
    updatedAt: '2026-01-09T06:00:00.000Z',
  },
  'dealers.sell-through-recorded.v1': {
    recordId: '4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f6a7b8c',
    dealerId: '5a6b7c8d-9e0f-4a1b-8c3d-4e5f6a7b8c9d',
    customerId: null,
    sku: 'FL-M12-304',
    quantity: 1200,
    amount: 10800,
    currency: 'CNY',
    soldOn: '2026-01-18',
    recordedAt: '2026-01-18T09:00:00.000Z',
  },
  'dealers.stock-uploaded.v1': {
    uploadId: '6b7c8d9e-0f1a-4b2c-9d4e-5f6a7b8c9d0e',
    dealerId: '5a6b7c8d-9e0f-4a1b-8c3d-4e5f6a7b8c9d',
    asOf: '2026-01-31',
    contentHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    lines: [{ sku: 'FL-M12-304', quantity: 8000 }],
    uploadedAt: '2026-01-31T10:00:00.000Z',
  },
  'incentives.points-changed.v1': {
    entryId: '7c8d9e0f-1a2b-4c3d-8e5f-6a7b8c9d0e1f',
    dealerId: '5a6b7c8d-9e0f-4a1b-8c3d-4e5f6a7b8c9d',
    delta: 186,
    balance: 2410,
    rule: 'CONTRACT_SIGNED',
    sourceEventId: '8d9e0f1a-2b3c-4d4e-9f6a-7b8c9d0e1f2a',
    occurredAt: '2026-01-20T08:30:01.000Z',
  },
  'erp.customer-master-updated.v1': {
    customerId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    erpCustomerCode: 'C100238',
    creditCode: '91320500MA1X8K2L3P',
    latestContact: { name: '李娜', phone: '+86 512 6688 1234', title: '采购经理' },
    validContractAmount: 1250000,
    currency: 'CNY',
    updatedAt: '2026-01-21T00:00:00.000Z',
  },
};
