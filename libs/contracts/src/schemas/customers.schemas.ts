import { actor, dateTime, JsonSchema, objectOf, optionalText, uuid } from './json-schema';

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
  { toNode: stageCode, evidenceIds: { type: 'array', items: uuid, maxItems: 100 }, note: optionalText(500) },
);

export const customerMergedV1Schema: JsonSchema = objectOf('Duplicate customers were merged into one / 客户合并', {
  survivorId: uuid,
  mergedIds: { type: 'array', minItems: 1, maxItems: 100, items: uuid },
  mergedAt: dateTime,
  mergedBy: actor,
});

