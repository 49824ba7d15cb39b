import { actor, creditCode, dateTime, JsonSchema, objectOf, optionalText, text, uuid } from './json-schema';

export interface StageChangedV1 {
  customerId: string;
  fromStage: string | null;
  toStage: string;
  /** Node within the stage (e.g. REQUIREMENT_CONFIRMED), when the model has nodes. */
  toNode?: string;
  ownerId: string;
  changedAt: string;
  changedBy: { id: string; name: string };
  evidenceIds?: string[];
  note?: string;
  /** When the customer entered `fromStage`, and the days it spent there (time in stage, for analytics). */
  previousStageEnteredAt?: string;
  daysInPreviousStage?: number;
}

export interface CustomerMergedV1 {
  survivorId: string;
  mergedIds: string[];
  mergedAt: string;
  mergedBy: { id: string; name: string };
}

const stageCode = { type: 'string', pattern: '^[A-Z][A-Z0-9_]{0,31}$' } as const satisfies JsonSchema;

export const stageChangedV1Schema: JsonSchema = objectOf(
  'A customer moved to another stage / 客户阶段变更',
  {
    customerId: uuid,
    fromStage: { type: ['string', 'null'], pattern: stageCode.pattern, description: 'null for a new customer' },
    toStage: stageCode,
    ownerId: uuid,
    changedAt: dateTime,
    changedBy: actor,
  },
  {
    toNode: stageCode,
    evidenceIds: { type: 'array', items: uuid, maxItems: 100 },
    note: optionalText(500),
    previousStageEnteredAt: dateTime,
    daysInPreviousStage: { type: 'number', minimum: 0, description: 'Days spent in fromStage' },
  },
);

export const customerMergedV1Schema: JsonSchema = objectOf('Duplicate customers were merged into one / 客户合并', {
  survivorId: uuid,
  mergedIds: { type: 'array', minItems: 1, maxItems: 100, items: uuid },
  mergedAt: dateTime,
  mergedBy: actor,
});

/**
 * The customer master's identity facts other services keep a copy of (orders puts name and
 * credit code into `orders.contract-signed.v1`). Published on create and on every update.
 */
export interface CustomerUpdatedV1 {
  id: string;
  name: string;
  creditCode: string;
  region: string;
  ownerId: string;
  updatedAt: string;
}

export const customerUpdatedV1Schema: JsonSchema = objectOf('A customer was created or its master data changed / 客户主数据变更', {
  id: uuid,
  name: text(128, '客户名称'),
  creditCode,
  region: text(16, 'Sales region, e.g. 华东'),
  ownerId: uuid,
  updatedAt: dateTime,
});
