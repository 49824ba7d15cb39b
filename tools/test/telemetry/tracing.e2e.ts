/**
 * Tracing (issue 10 item 4): with OTEL_EXPORTER_OTLP_ENDPOINT set, one portal request is one trace
 * across the gateway, each subgraph it reaches and their SQL statements, and a change's event is
 * in the same trace from the outbox publish to the consumer's side effect. The stack is the
 * test's own, traced, exporting to a collector started here: the embedded stack on SQLite in the
 * SQLite run, the production-mode cluster on MariaDB with Kafka in the MariaDB run.
 */
import { randomBytes } from 'node:crypto';
import { OtlpReceiver, SpanKinds, type ReceivedSpan } from './otlp-receiver';
import { startTracedCluster, startTracedEmbedded, type TracedStack } from './traced-stack';

jest.setTimeout(600_000);

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const png = (): string => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(128)]).toString('base64');

interface Answer {
  data?: Record<string, any> | null;
  errors?: { message: string }[];
}

describe('OpenTelemetry traces through the gateway, the subgraphs, the database and events', () => {
  let receiver: OtlpReceiver;
  let stack: TracedStack;

  async function call(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
    const res = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as Answer;
  }

  async function tokenFor(username: string): Promise<string> {
    const answer = await call('mutation($u: String!) { login(username: $u, password: "lianxiao") { accessToken } }', { u: username });
    const token = answer.data?.login?.accessToken as string | undefined;
    if (!token) throw new Error(`cannot sign in as ${username}: ${JSON.stringify(answer.errors)}`);
    return token;
  }

  /** The span and its ancestors' ids, nearest first, within the spans received. */
  const ancestry = (span: ReceivedSpan, spans: ReceivedSpan[]): string[] => {
    const ids: string[] = [];
    for (let at: ReceivedSpan | undefined = span; at?.parentSpanId; at = spans.find((s) => s.spanId === at!.parentSpanId)) ids.push(at.parentSpanId);
    return ids;
  };

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    const tracing = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' };
    stack = process.env.LIANXIAO_DB === 'mariadb' ? await startTracedCluster(tracing) : await startTracedEmbedded(tracing);
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  });

  it('follows a query from the caller through the gateway to customers and orders and their SQL, in one trace', async () => {
    const token = await tokenFor('director');
    const traceId = hex(16);
    const callerSpanId = hex(8);
    const answer = await call('query TracedCustomerContracts { customers(first: 5) { nodes { id name contracts { number } } } }', {}, {
      authorization: `Bearer ${token}`,
      traceparent: `00-${traceId}-${callerSpanId}-01`,
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.customers.nodes).toHaveLength(5);

    const subgraphs = ['customers', 'orders'];
    const spans = await receiver.waitFor('spans of the gateway, customers and orders with SQL', () => {
      const trace = receiver.trace(traceId);
      const sql = (service: string) => trace.some((s) => s.service === service && s.attributes['db.system.name']);
      return subgraphs.every(sql) && trace.some((s) => s.service === 'gateway' && s.name === 'query TracedCustomerContracts') && trace;
    });

    // The gateway continues the caller's trace: its server span is the child of the caller's span.
    const gatewayServer = spans.find((s) => s.service === 'gateway' && s.kind === SpanKinds.server);
    expect(gatewayServer).toMatchObject({ name: 'POST /graphql', parentSpanId: callerSpanId });
    const gatewayOperation = spans.find((s) => s.service === 'gateway' && s.name === 'query TracedCustomerContracts')!;
    expect(gatewayOperation.parentSpanId).toBe(gatewayServer!.spanId);
    expect(gatewayOperation.attributes).toMatchObject({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'TracedCustomerContracts' });

    for (const subgraph of subgraphs) {
      // Each subgraph's server span hangs under a gateway client span of this operation (the traceparent the gateway sent).
      const server = spans.find((s) => s.service === subgraph && s.kind === SpanKinds.server);
      expect({ subgraph, server: server?.name }).toEqual({ subgraph, server: 'POST /graphql' });
      const fetch = spans.find((s) => s.spanId === server!.parentSpanId);
      expect({ subgraph, service: fetch?.service, kind: fetch?.kind }).toEqual({ subgraph, service: 'gateway', kind: SpanKinds.client });
      expect(ancestry(fetch!, spans)).toContain(gatewayOperation.spanId);
      // Its operation span, then its SQL statements under it: kind and table, never the statement.
      const operation = spans.find((s) => s.service === subgraph && s.name.startsWith(`query TracedCustomerContracts__${subgraph}__`));
      expect({ subgraph, parent: operation?.parentSpanId }).toEqual({ subgraph, parent: server!.spanId });
      const statements = spans.filter((s) => s.service === subgraph && s.attributes['db.system.name']);
      expect(statements.length).toBeGreaterThan(0);
      expect(statements.map((s) => s.attributes['db.operation.name'])).toContain('SELECT');
      for (const statement of statements) {
        expect(statement).toMatchObject({ kind: SpanKinds.client, parentSpanId: operation!.spanId });
        expect(statement.attributes['db.system.name']).toBe(stack.database);
        expect(Object.keys(statement.attributes).filter((key) => /statement|query\.text/.test(key))).toEqual([]);
      }
    }
    expect(spans.find((s) => s.service === 'customers' && s.name === 'SELECT customer')?.attributes['db.collection.name']).toBe('customer');
    expect(receiver.refused).toEqual([]);
  });

  it('carries the trace of a change through its event: outbox publish, transport, consumer and its SQL', async () => {
    const token = await tokenFor('dealer05');
    const traceId = hex(16);
    const run = `TRACE-${Date.now()}-${hex(2)}`;
    const customerName = `追踪测试客户 ${run}`;
    const answer = await call(
      'mutation TracedSale($input: RecordSellThroughInput!) { recordSellThrough(input: $input) { id } }',
      {
        input: {
          skuCode: 'WJ-001', quantity: 100, unitPrice: 10, endCustomerName: customerName, deliveryProvinceCode: '350000',
          receiptNumber: run, imageBase64: png(), imageMimeType: 'image/png', idempotencyKey: run,
        },
      },
      { authorization: `Bearer ${token}`, traceparent: `00-${traceId}-${hex(8)}-01` },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.recordSellThrough.id).toEqual(expect.any(String));

    const topic = 'dealers.sell-through-recorded.v1';
    const spans = await receiver.waitFor('the consumer span of the sale\'s event with its SQL', () => {
      const trace = receiver.trace(traceId);
      const handled = trace.find((s) => s.service === 'incentives' && s.kind === SpanKinds.consumer);
      return handled && trace.some((s) => s.parentSpanId === handled.spanId && s.name === 'INSERT inbox_record') && trace;
    });

    const mutation = spans.find((s) => s.service === 'dealers' && s.name === 'mutation TracedSale__dealers__0');
    expect(mutation).toBeDefined();
    // Published by dealers' outbox relay as the child of the span that appended the event…
    const send = spans.find((s) => s.service === 'dealers' && s.kind === SpanKinds.producer && s.name === `send ${topic}`);
    expect(send?.attributes).toMatchObject({ 'messaging.system': stack.messaging, 'messaging.destination.name': topic });
    expect(ancestry(send!, spans)).toContain(mutation!.spanId);
    // …received by incentives as the child of that publish (the traceparent in the message headers)…
    const handled = spans.find((s) => s.service === 'incentives' && s.kind === SpanKinds.consumer)!;
    expect(handled).toMatchObject({ name: `process ${topic}`, parentSpanId: send!.spanId });
    expect(handled.attributes).toMatchObject({ 'messaging.system': stack.messaging, 'messaging.consumer.group.name': expect.any(String) });
    // …whose side effect (inbox record and points) is traced under it.
    const sideEffects = spans.filter((s) => s.parentSpanId === handled.spanId).map((s) => s.name);
    expect(sideEffects).toEqual(expect.arrayContaining(['INSERT inbox_record', 'INSERT points_entry']));

    // What the dealer typed never reaches the collector: no span attribute holds the receipt or the customer.
    const exported = JSON.stringify(receiver.spans.flatMap((s) => Object.values(s.attributes)));
    expect(exported).not.toContain(run);
    expect(exported).not.toContain('追踪测试客户');
  });
});
