import { cloudEventEnvelopeSchema } from './cloud-event.schema';
import { EventCatalogue, EventDefinition, EventType } from './event-catalogue';
import { EventExamples } from './event-examples';
import type { JsonSchema } from './schemas/json-schema';

/** Topics Lianxiao consumes from outside; every other topic it publishes. */
const INBOUND: readonly EventType[] = ['erp.customer-master-updated.v1'];

/** `orders.contract-signed.v1` → `OrdersContractSignedV1`. */
export function asyncApiName(type: string): string {
  return type
    .split(/[.-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

const ref = ($ref: string) => ({ $ref });

function messageOf(def: EventDefinition) {
  const name = asyncApiName(def.type);
  const example = EventExamples[def.type] as unknown as Record<string, unknown>;
  return {
    name: def.type,
    title: name,
    summary: def.summary,
    contentType: 'application/cloudevents+json',
    headers: {
      type: 'object',
      properties: { 'content-type': { type: 'string', const: 'application/cloudevents+json; charset=UTF-8' } },
    },
    payload: ref(`#/components/schemas/${name}Event`),
    bindings: {
      kafka: {
        key: { type: 'string', format: 'uuid', description: `Aggregate id: data.${def.keyField} (also the CloudEvent subject)` },
        bindingVersion: '0.5.0',
      },
    },
    'x-key-field': def.keyField,
    'x-producer': def.producer,
    examples: [
      {
        name: 'example',
        headers: { 'content-type': 'application/cloudevents+json; charset=UTF-8' },
        payload: {
          specversion: '1.0',
          id: '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
          source: `/lianxiao/${def.producer}`,
          type: def.type,
          time: '2026-01-20T08:30:00.000Z',
          subject: example[def.keyField],
          datacontenttype: 'application/json',
          data: example,
        },
      },
    ],
  };
}

function eventSchemaOf(def: EventDefinition): JsonSchema {
  return {
    type: 'object',
    description: `${def.type}: CloudEvent envelope with the data below`,
    required: ['type', 'data'],
    properties: {
      type: { type: 'string', const: def.type },
      data: ref(`#/components/schemas/${asyncApiName(def.type)}Data`) as JsonSchema,
    },
  };
}

/**
 * The AsyncAPI 3.0 document of every topic (docs/events/asyncapi.yaml is this object as YAML):
 * ERP's public contract, built from the same schemas the services validate with.
 */
export function buildAsyncApiDocument(): Record<string, unknown> {
  const defs = Object.values(EventCatalogue);
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = { CloudEventEnvelope: cloudEventEnvelopeSchema };
  for (const def of defs) {
    const name = asyncApiName(def.type);
    const channelName = name.charAt(0).toLowerCase() + name.slice(1);
    messages[name] = messageOf(def);
    schemas[`${name}Event`] = { allOf: [ref('#/components/schemas/CloudEventEnvelope'), eventSchemaOf(def)] };
    schemas[`${name}Data`] = def.dataSchema;
    channels[channelName] = {
      address: def.topic,
      title: def.topic,
      description: `${def.summary} Keyed by \`${def.keyField}\`, so events of one aggregate keep their order. Events a consumer cannot handle go to \`${def.topic}.dlq\` with the header \`x-dlq-reason\`.`,
      messages: { [name]: ref(`#/components/messages/${name}`) },
    };
    const inbound = INBOUND.includes(def.type);
    operations[`${inbound ? 'receive' : 'send'}${name}`] = {
      action: inbound ? 'receive' : 'send',
      channel: ref(`#/channels/${channelName}`),
      summary: inbound ? `Lianxiao consumes ${def.topic} from ${def.producer}.` : `The ${def.producer} service publishes ${def.topic}.`,
      messages: [ref(`#/channels/${channelName}/messages/${name}`)],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Lianxiao (联销) events',
      version: '1.0.0',
      description:
        'Kafka topics of Lianxiao. Every message is a CloudEvents 1.0 event in structured JSON mode; the event `type` equals the topic name, the Kafka key (and CloudEvent `subject`) is the aggregate id, and `id` is unique per event: consumers deduplicate on it (delivery is at least once). Topic names carry the major version; a breaking change gets a new topic (`.v2`).',
    },
    defaultContentType: 'application/cloudevents+json',
    servers: {
      production: {
        host: 'kafka:9092',
        protocol: 'kafka',
        description: 'The customer\'s Kafka cluster (KAFKA_BROKERS); producers use acks=all.',
      },
    },
    channels,
    operations,
    components: { schemas, messages },
  };
}
