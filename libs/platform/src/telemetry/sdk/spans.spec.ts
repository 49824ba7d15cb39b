import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import type { DataSource } from 'typeorm';
import { contractSignedEvent, sqliteMemoryDataSource, TallyEntity, waitFor } from '../../../test/events-fixtures';
import { InboxConsumer } from '../../events/inbox-consumer';
import { InProcessTransport } from '../../events/in-process-transport';
import { OutboxRelay } from '../../events/outbox-relay';
import { OutboxWriter } from '../../events/outbox-writer';
import { useActiveTraceSource } from '../../events/trace-context';
import { activeSpanTraceContext } from './active-span-context';
import { installDatabaseSpans } from './database-spans';
import { TracedEventTransport } from './event-spans';

/** The SDK as startTracing sets it up, with spans kept in memory instead of exported. */
describe('spans of a change, its event and the event handler', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = trace.getTracer('test');
  let dataSource: DataSource;
  let transport: TracedEventTransport;

  beforeAll(async () => {
    provider.register();
    installDatabaseSpans(tracer);
    useActiveTraceSource(activeSpanTraceContext);
    dataSource = await sqliteMemoryDataSource();
    transport = new TracedEventTransport(new InProcessTransport(), tracer, 'in-process');
  });

  afterAll(async () => {
    useActiveTraceSource(undefined);
    await transport.close();
    await dataSource.destroy();
    await provider.shutdown();
  });

  const one = (spans: ReadableSpan[], name: string): ReadableSpan => {
    const found = spans.filter((s) => s.name === name);
    expect(found.map((s) => s.name)).toEqual([name]);
    return found[0];
  };
  const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

  it('links the request, its SQL, the outbox publish, the consumer and the handler\'s SQL in one trace', async () => {
    const consumer = new InboxConsumer(dataSource, transport, {
      consumer: 'tally',
      topics: ['orders.contract-signed.v1'],
      handler: async (_event, { manager }) => {
        await manager.increment(TallyEntity, { name: 'points' }, 'total', 1);
      },
    });
    await consumer.start();
    const event = contractSignedEvent(987_654);
    await tracer.startActiveSpan('request', async (span) => {
      await dataSource.transaction((manager) => new OutboxWriter().append(manager, event));
      span.end();
    });
    // The relay runs outside any trace: its own statements make no spans, its publish joins the event's trace.
    await new OutboxRelay(dataSource, transport).publishBatch();
    await waitFor(() => consumer.stats().handled === 1);

    const spans = exporter.getFinishedSpans();
    const request = one(spans, 'request');
    const send = one(spans, 'send orders.contract-signed.v1');
    const handled = one(spans, 'process orders.contract-signed.v1');
    expect(parentOf(one(spans, 'INSERT outbox_event'))).toBe(request.spanContext().spanId);
    expect(send.kind).toBe(SpanKind.PRODUCER);
    expect(parentOf(send)).toBe(request.spanContext().spanId);
    expect(handled.kind).toBe(SpanKind.CONSUMER);
    expect(parentOf(handled)).toBe(send.spanContext().spanId);
    expect(handled.attributes).toMatchObject({ 'messaging.destination.name': 'orders.contract-signed.v1', 'messaging.consumer.group.name': 'tally' });
    const inbox = one(spans, 'INSERT inbox_record');
    const tally = one(spans, 'UPDATE test_tally');
    expect([parentOf(inbox), parentOf(tally)]).toEqual([handled.spanContext().spanId, handled.spanContext().spanId]);
    expect(tally.attributes).toEqual({ 'db.system.name': 'sqlite', 'db.operation.name': 'UPDATE', 'db.collection.name': 'test_tally', 'db.namespace': ':memory:' });
    expect(new Set(spans.map((s) => s.spanContext().traceId))).toEqual(new Set([request.spanContext().traceId]));

    // Every SQL span belongs to traced work; none carries the statement or a value.
    const sql = spans.filter((s) => s.attributes['db.system.name']);
    expect(sql.every((s) => parentOf(s))).toBe(true);
    expect(JSON.stringify(sql.map((s) => s.attributes))).not.toMatch(/987654|publishedAt|VALUES|WHERE/);
  });
});
