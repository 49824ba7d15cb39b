/**
 * The JSON Schema subset (draft-07) the event contracts are written in. Kept as plain data so the
 * same objects feed ajv, the AsyncAPI document and any non-TypeScript consumer (ERP).
 */
export interface JsonSchema {
  $id?: string;
  $schema?: string;
  title?: string;
  description?: string;
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null' | readonly ('string' | 'null' | 'number')[];
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: readonly (string | number | null)[];
  const?: string | number;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  examples?: readonly unknown[];
}

export const uuid: JsonSchema = { type: 'string', format: 'uuid' };
export const text = (maxLength: number, description?: string): JsonSchema => ({ type: 'string', minLength: 1, maxLength, ...(description ? { description } : {}) });
export const optionalText = (maxLength: number, description?: string): JsonSchema => ({ type: 'string', maxLength, ...(description ? { description } : {}) });
export const dateTime: JsonSchema = { type: 'string', format: 'date-time', description: 'RFC 3339 timestamp (UTC)' };
export const date: JsonSchema = { type: 'string', format: 'date', description: 'YYYY-MM-DD' };
export const money: JsonSchema = { type: 'number', minimum: 0, description: 'Amount in the currency given, 2 decimals' };
export const currency: JsonSchema = { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217, e.g. CNY' };
/** 18-character unified social credit code (统一社会信用代码). */
export const creditCode: JsonSchema = { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: '统一社会信用代码 (18 characters)' };
export const actor: JsonSchema = {
  type: 'object',
  description: 'The user who did it',
  required: ['id', 'name'],
  properties: { id: uuid, name: text(64) },
};

/** An object schema whose listed properties are all required (optional ones go in `optional`). */
export function objectOf(
  description: string,
  properties: Record<string, JsonSchema>,
  optional: Record<string, JsonSchema> = {},
): JsonSchema {
  return { type: 'object', description, required: Object.keys(properties), properties: { ...properties, ...optional } };
}
