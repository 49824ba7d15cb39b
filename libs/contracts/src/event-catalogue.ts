import { Topics } from './topics';
import type { JsonSchema } from './schemas/json-schema';
import { ContractSignedV1, contractSignedV1Schema, OrderStatusChangedV1, orderStatusChangedV1Schema } from './schemas/orders.schemas';
import { CustomerMergedV1, customerMergedV1Schema, CustomerUpdatedV1, customerUpdatedV1Schema, StageChangedV1, stageChangedV1Schema } from './schemas/customers.schemas';
import { SellThroughRecordedV1, sellThroughRecordedV1Schema, StockUploadedV1, stockUploadedV1Schema } from './schemas/dealers.schemas';
import { PointsChangedV1, pointsChangedV1Schema } from './schemas/incentives.schemas';
import { ErpCustomerMasterUpdatedV1, erpCustomerMasterUpdatedV1Schema } from './schemas/erp.schemas';

/** Data carried by each event type. The CloudEvent `type` equals its topic name. */
export interface EventDataMap {
  'orders.contract-signed.v1': ContractSignedV1;
  'orders.order-status-changed.v1': OrderStatusChangedV1;
  'customers.stage-changed.v1': StageChangedV1;
  'customers.customer-merged.v1': CustomerMergedV1;
  'customers.customer-updated.v1': CustomerUpdatedV1;
  'dealers.sell-through-recorded.v1': SellThroughRecordedV1;
  'dealers.stock-uploaded.v1': StockUploadedV1;
  'incentives.points-changed.v1': PointsChangedV1;
  'erp.customer-master-updated.v1': ErpCustomerMasterUpdatedV1;
}
export type EventType = keyof EventDataMap;

export interface EventDefinition {
  type: EventType;
  topic: string;
  /** Field of `data` holding the aggregate id; it is also the CloudEvent subject and the message key. */
  keyField: string;
  /** Service (CloudEvent source) that publishes it. */
  producer: string;
  summary: string;
  dataSchema: JsonSchema;
}

const define = (
  type: EventType,
  keyField: string,
  producer: string,
  summary: string,
  dataSchema: JsonSchema,
): EventDefinition => ({ type, topic: type, keyField, producer, summary, dataSchema });

export const EventCatalogue: { readonly [T in EventType]: EventDefinition } = {
  [Topics.contractSigned]: define(Topics.contractSigned, 'contractId', 'orders', 'A contract was signed: lines, technical specification, amount and priority for ERP scheduling.', contractSignedV1Schema),
  [Topics.orderStatusChanged]: define(Topics.orderStatusChanged, 'orderId', 'orders', 'An order changed status; `version` increases by one per change of the same order.', orderStatusChangedV1Schema),
  [Topics.stageChanged]: define(Topics.stageChanged, 'customerId', 'customers', 'A customer moved to another stage of the sales pipeline.', stageChangedV1Schema),
  [Topics.customerMerged]: define(Topics.customerMerged, 'survivorId', 'customers', 'Duplicate customers were merged into the survivor; merged ids are retired.', customerMergedV1Schema),
  [Topics.customerUpdated]: define(Topics.customerUpdated, 'id', 'customers', 'A customer was created or its master data (name, credit code, region, owner) changed.', customerUpdatedV1Schema),
  [Topics.sellThroughRecorded]: define(Topics.sellThroughRecorded, 'dealerId', 'dealers', 'A dealer recorded a sale to an end customer.', sellThroughRecordedV1Schema),
  [Topics.stockUploaded]: define(Topics.stockUploaded, 'dealerId', 'dealers', 'A dealer uploaded a stock sheet.', stockUploadedV1Schema),
  [Topics.pointsChanged]: define(Topics.pointsChanged, 'dealerId', 'incentives', "A dealer's points balance changed.", pointsChangedV1Schema),
  [Topics.erpCustomerMasterUpdated]: define(Topics.erpCustomerMasterUpdated, 'customerId', 'erp', 'Inbound from ERP: latest contact and valid contract amount of a customer.', erpCustomerMasterUpdatedV1Schema),
};

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EventCatalogue, type);
}

/** Dead-letter topic of a topic: where a consumer puts events it cannot handle, with the reason. */
export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;
/** Kafka header naming why an event was dead-lettered. */
export const DEAD_LETTER_REASON_HEADER = 'x-dlq-reason';
