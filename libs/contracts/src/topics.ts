/** Versioned topic names; every message is keyed by its aggregate id (the CloudEvent subject). */
export const Topics = {
  contractSigned: 'orders.contract-signed.v1',
  orderStatusChanged: 'orders.order-status-changed.v1',
  stageChanged: 'customers.stage-changed.v1',
  customerMerged: 'customers.customer-merged.v1',
  customerUpdated: 'customers.customer-updated.v1',
  sellThroughRecorded: 'dealers.sell-through-recorded.v1',
  stockUploaded: 'dealers.stock-uploaded.v1',
  pointsChanged: 'incentives.points-changed.v1',
  erpCustomerMasterUpdated: 'erp.customer-master-updated.v1',
} as const;
export type Topic = (typeof Topics)[keyof typeof Topics];
