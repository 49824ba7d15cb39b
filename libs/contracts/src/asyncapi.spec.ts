import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { asyncApiName, buildAsyncApiDocument } from './asyncapi-document';
import { EventCatalogue, EventType } from './event-catalogue';
import type { JsonSchema } from './schemas/json-schema';

const FILE = path.resolve(__dirname, '../../../docs/events/asyncapi.yaml');
const HEADER =
  '# Lianxiao events — AsyncAPI 3.0, ERP\'s public contract.\n' +
  '# Built from libs/contracts (buildAsyncApiDocument); after changing a schema there, rewrite it with\n' +
  '#   UPDATE_ASYNCAPI=1 npx jest --selectProjects unit --testPathPatterns asyncapi\n';

interface AsyncApiFile {
  asyncapi: string;
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  operations: Record<string, { action: string; channel: { $ref: string } }>;
  components: {
    messages: Record<string, { name: string; payload: { $ref: string }; 'x-key-field': string; bindings: { kafka: { key: unknown } } }>;
    schemas: Record<string, JsonSchema>;
  };
}

/** Every required field, as dotted paths, through nested objects and array items. */
function requiredPaths(schema: JsonSchema, prefix = ''): string[] {
  const own = (schema.required ?? []).map((name) => `${prefix}${name}`);
  const nested = Object.entries(schema.properties ?? {}).flatMap(([name, child]) => {
    const target = child.type === 'array' && child.items ? child.items : child;
    return requiredPaths(target, `${prefix}${name}${child.type === 'array' ? '[]' : ''}.`);
  });
  return [...own, ...nested].sort();
}

describe('docs/events/asyncapi.yaml', () => {
  if (process.env.UPDATE_ASYNCAPI === '1') {
    fs.mkdirSync(path.dirname(FILE), { recursive: true });
    fs.writeFileSync(FILE, HEADER + stringify(buildAsyncApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false }));
  }
  const doc = parse(fs.readFileSync(FILE, 'utf8')) as AsyncApiFile;
  const types = Object.keys(EventCatalogue) as EventType[];

  it('is AsyncAPI 3.0 with one channel per topic of the contracts, and no other', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    expect(Object.values(doc.channels).map((c) => c.address).sort()).toEqual(types.map((t) => EventCatalogue[t].topic).sort());
    for (const op of Object.values(doc.operations)) expect(doc.channels[op.channel.$ref.split('/').pop() ?? '']).toBeDefined();
  });

  it.each(types)('documents %s with its key and the same data schema and required fields', (type) => {
    const def = EventCatalogue[type];
    const name = asyncApiName(type);
    const channel = Object.values(doc.channels).find((c) => c.address === def.topic);
    expect(channel?.messages[name].$ref).toBe(`#/components/messages/${name}`);
    const message = doc.components.messages[name];
    expect(message.name).toBe(type);
    expect(message['x-key-field']).toBe(def.keyField);
    expect(message.bindings.kafka.key).toBeDefined();
    expect(message.payload.$ref).toBe(`#/components/schemas/${name}Event`);
    const documented = doc.components.schemas[`${name}Data`];
    expect(requiredPaths(documented)).toEqual(requiredPaths(def.dataSchema));
    expect(documented).toEqual(JSON.parse(JSON.stringify(def.dataSchema)));
  });

  it('matches what the contracts library builds (rewrite it with UPDATE_ASYNCAPI=1)', () => {
    expect(doc).toEqual(JSON.parse(JSON.stringify(buildAsyncApiDocument())));
  });
});
