import { actor, creditCode, currency, date, dateTime, JsonSchema, money, objectOf, optionalText, text, uuid } from './json-schema';

/** The agreed technical specification; the topic is ERP's, so craft notes are included. */
export interface TechnicalSpecificationV1 {
  agreementVersion: number;
  material: string;
  tolerance: string;
  surfaceTreatment: string;
  dimensions: string;
  /** Agreed quantity, a positive integer. */
  quantity: number;
  hardness: string;
  unitWeight: string;
  packaging: string;
  certificationStandard: string;
  inspectionStandard: string;
  colour: string;
  craftNotes: string;
}

export type RequirementUrgencyV1 = 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';

/** Capacity priority as the orders service computes it (margin 50 %, urgency 30 %, health 20 %). */
export interface ContractSignedPriorityV1 {
  /** 0–100; higher is scheduled first. */
  score: number;
  /** The requirement ticket's urgency, an input of the score. */
  urgency: RequirementUrgencyV1;
}

export interface ContractSignedV1 {
  contractId: string;
  contractNumber: string;
  customer: { id: string; name: string; creditCode: string };
  lines: { sku: string; partName: string; quantity: number; requestedDeliveryDate: string }[];
  specification: TechnicalSpecificationV1;
  amount: number;
  currency: string;
  /** 0–1 (may be negative for a loss-making contract). */
  grossMargin: number;
  priority: ContractSignedPriorityV1;
  signedAt: string;
  signedBy: { id: string; name: string };
}

export interface OrderStatusChangedV1 {
  orderId: string;
  contractId: string;
  customerId: string;
  fromStatus: string | null;
  toStatus: string;
  /** Aggregate version after the change: consumers can drop stale updates. */
  version: number;
  changedAt: string;
  changedBy: { id: string; name: string };
  reason?: string;
}

/** The 12 mandatory fields, same names and limits as the orders service's requirement ticket. */
export const technicalSpecificationSchema: JsonSchema = objectOf('Agreed technical specification / 技术协议', {
  agreementVersion: { type: 'integer', minimum: 1, description: 'Version of the technical agreement' },
  material: text(64, '材质'),
  tolerance: text(64, '公差'),
  surfaceTreatment: text(64, '表面处理'),
  dimensions: text(128, '尺寸'),
  quantity: { type: 'integer', minimum: 1, description: '数量' },
  hardness: text(32, '硬度'),
  unitWeight: text(32, '单重'),
  packaging: text(128, '包装'),
  certificationStandard: text(128, '认证标准'),
  inspectionStandard: text(128, '检验标准'),
  colour: text(32, '颜色'),
  craftNotes: text(2000, '工艺备注'),
});

export const contractSignedV1Schema: JsonSchema = objectOf('A contract was signed; what ERP scheduling needs / 合同已签署', {
  contractId: uuid,
  contractNumber: text(32, 'e.g. HT-2026-0001'),
  customer: objectOf('The buyer', { id: uuid, name: text(128), creditCode }),
  lines: {
    type: 'array',
    minItems: 1,
    maxItems: 500,
    items: objectOf('One contract line', {
      sku: text(64),
      partName: text(128),
      quantity: { type: 'number', exclusiveMinimum: 0 },
      requestedDeliveryDate: date,
    }),
  },
  specification: technicalSpecificationSchema,
  amount: money,
  currency,
  grossMargin: { type: 'number', minimum: -1, maximum: 1, description: 'Fraction, 0.25 = 25 %' },
  priority: objectOf('Capacity priority / 产能优先级', {
    score: { type: 'number', minimum: 0, maximum: 100, description: '0–100: margin 50 %, urgency 30 %, customer health 20 %' },
    urgency: { type: 'string', enum: ['LOW', 'NORMAL', 'HIGH', 'URGENT'], description: "The requirement ticket's urgency" },
  }),
  signedAt: dateTime,
  signedBy: actor,
});

export const orderStatusChangedV1Schema: JsonSchema = objectOf(
  'An order (contract execution) changed status / 订单状态变更',
  {
    orderId: uuid,
    contractId: uuid,
    customerId: uuid,
    fromStatus: { type: ['string', 'null'], maxLength: 32, description: 'null for the first status' },
    toStatus: text(32),
    version: { type: 'integer', minimum: 1, description: 'Aggregate version after the change' },
    changedAt: dateTime,
    changedBy: actor,
  },
  { reason: optionalText(500) },
);
