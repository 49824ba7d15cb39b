import { currency, date, dateTime, JsonSchema, money, objectOf, optionalText, text, uuid } from './json-schema';

export interface SellThroughRecordedV1 {
  recordId: string;
  dealerId: string;
  customerId: string | null;
  sku: string;
  quantity: number;
  amount: number;
  currency: string;
  soldOn: string;
  recordedAt: string;
}

export interface StockUploadedV1 {
  uploadId: string;
  dealerId: string;
  asOf: string;
  /** SHA-256 of the uploaded stock sheet (duplicate detection). */
  contentHash: string;
  lines: { sku: string; quantity: number }[];
  uploadedAt: string;
}

export const sellThroughRecordedV1Schema: JsonSchema = objectOf(
  'A dealer recorded a sale to an end customer / 经销商动销记录',
  {
    recordId: uuid,
    dealerId: uuid,
    customerId: { type: ['string', 'null'], format: 'uuid', description: 'End customer when known' },
    sku: text(64),
    quantity: { type: 'number', exclusiveMinimum: 0 },
    amount: money,
    currency,
    soldOn: date,
    recordedAt: dateTime,
  },
  { note: optionalText(500) },
);

export const stockUploadedV1Schema: JsonSchema = objectOf('A dealer uploaded a stock sheet / 经销商库存上报', {
  uploadId: uuid,
  dealerId: uuid,
  asOf: date,
  contentHash: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 hex of the file' },
  lines: {
    type: 'array',
    maxItems: 20000,
    items: objectOf('Stock of one SKU', { sku: text(64), quantity: { type: 'number', minimum: 0 } }),
  },
  uploadedAt: dateTime,
});
