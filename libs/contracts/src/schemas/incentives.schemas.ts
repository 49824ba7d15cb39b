import { dateTime, JsonSchema, objectOf, optionalText, text, uuid } from './json-schema';

export interface PointsChangedV1 {
  entryId: string;
  dealerId: string;
  delta: number;
  balance: number;
  rule: string;
  /** The event that caused the credit, when one did (points from a contract signature). */
  sourceEventId: string | null;
  occurredAt: string;
  note?: string;
}

export const pointsChangedV1Schema: JsonSchema = objectOf(
  "A dealer's points balance changed / 积分变动",
  {
    entryId: uuid,
    dealerId: uuid,
    delta: { type: 'integer', description: 'Points added (negative when deducted)' },
    balance: { type: 'integer', description: 'Balance after the change' },
    rule: text(64, 'Rule that produced the entry, e.g. CONTRACT_SIGNED'),
    sourceEventId: { type: ['string', 'null'], format: 'uuid' },
    occurredAt: dateTime,
  },
  { note: optionalText(500) },
);
