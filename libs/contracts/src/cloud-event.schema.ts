import type { JsonSchema } from './schemas/json-schema';

/** CloudEvents 1.0 envelope (JSON structured mode) as used on every Lianxiao topic. */
export const cloudEventEnvelopeSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'CloudEvent 1.0 envelope',
  type: 'object',
  required: ['specversion', 'id', 'source', 'type', 'time', 'subject', 'datacontenttype', 'data'],
  properties: {
    specversion: { type: 'string', const: '1.0' },
    id: { type: 'string', format: 'uuid', description: 'Event id; consumers deduplicate on it' },
    source: { type: 'string', minLength: 1, maxLength: 200, format: 'uri-reference', description: 'Producing service, e.g. /lianxiao/orders' },
    type: { type: 'string', minLength: 1, maxLength: 200, description: 'Equals the topic name, e.g. orders.contract-signed.v1' },
    time: { type: 'string', format: 'date-time' },
    subject: { type: 'string', minLength: 1, maxLength: 200, description: 'Aggregate id; also the Kafka message key' },
    datacontenttype: { type: 'string', const: 'application/json' },
    data: { type: 'object' },
  },
};
