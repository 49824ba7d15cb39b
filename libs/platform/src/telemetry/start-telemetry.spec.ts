/**
 * With tracing off none of the OpenTelemetry SDK is loaded (only the no-op @opentelemetry/api,
 * which prom-client loads anyway) and every traced seam is a pass-through. Each SDK module is
 * replaced by a factory that records that it was loaded.
 */
const mockLoaded: string[] = [];
const mockStartTracing = jest.fn();
function mockRecord(name: string, exports: object = {}): object {
  mockLoaded.push(name);
  return exports;
}

// Hoisted above the imports below, so a module that loaded any of these eagerly would be caught.
jest.mock('./sdk/tracing-sdk', () => mockRecord('./sdk/tracing-sdk', { startTracing: mockStartTracing }));
jest.mock('@opentelemetry/sdk-trace-node', () => mockRecord('@opentelemetry/sdk-trace-node'));
jest.mock('@opentelemetry/exporter-trace-otlp-http', () => mockRecord('@opentelemetry/exporter-trace-otlp-http'));
jest.mock('@opentelemetry/instrumentation', () => mockRecord('@opentelemetry/instrumentation'));
jest.mock('@opentelemetry/instrumentation-http', () => mockRecord('@opentelemetry/instrumentation-http'));
jest.mock('@opentelemetry/resources', () => mockRecord('@opentelemetry/resources'));

// The whole platform, as every service loads it: none of it may load the SDK eagerly.
import '../index';
import type { EventTransport } from '../events/event-transport';
import { currentTraceContext, parseTraceContext, runWithTraceContext, traceHeaders } from '../events/trace-context';
import { createEventTransport } from '../events/events.module';
import { InProcessTransport } from '../events/in-process-transport';
import { graphqlRequestSpanMiddleware, graphqlTracingPlugin, setActiveTracing, tracedEventTransport } from './active-tracing';
import { startTelemetry } from './start-telemetry';
import type { Tracing } from './tracing';

describe('startTelemetry', () => {
  afterEach(() => setActiveTracing(undefined));

  it('loads nothing of OpenTelemetry when no exporter is configured', async () => {
    const telemetry = startTelemetry('customers', { PORT: '4001' });
    expect(telemetry.enabled).toBe(false);
    expect(mockLoaded).toEqual([]);
    expect(mockStartTracing).not.toHaveBeenCalled();

    // Every seam passes through: the same transport, next() at once, no Apollo listener.
    const transport = new InProcessTransport();
    expect(tracedEventTransport(transport, 'in-process')).toBe(transport);
    await transport.close();
    const created = createEventTransport({ serviceName: 'customers', kafkaBrokers: [] });
    expect(created).toBeInstanceOf(InProcessTransport);
    await created.close();
    const next = jest.fn();
    graphqlRequestSpanMiddleware()({} as never, {} as never, next);
    expect(next).toHaveBeenCalledTimes(1);
    expect(await graphqlTracingPlugin().requestDidStart?.({} as never)).toBeUndefined();

    // The caller's traceparent still travels unchanged (into events and to subgraphs).
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    runWithTraceContext(parseTraceContext(traceparent), () => expect(traceHeaders()).toEqual({ traceparent }));
    expect(currentTraceContext()).toBeUndefined();
  });

  it('logs a wrong tracing variable and leaves tracing off instead of stopping the service', () => {
    const telemetry = startTelemetry('orders', { OTEL_TRACES_EXPORTER: 'zipkin' });
    expect(telemetry.enabled).toBe(false);
    expect(mockLoaded).toEqual([]);
  });

  it('loads the SDK only when an endpoint is set, and routes the seams to it', async () => {
    const traced = {} as EventTransport;
    const tracing: Tracing = {
      shutdown: jest.fn(async () => undefined),
      traceEvents: jest.fn(() => traced),
      graphqlRequestSpan: jest.fn((_req, _res, next) => next()),
      graphqlOperationListener: jest.fn(() => undefined),
    };
    mockStartTracing.mockReturnValue(tracing);
    const telemetry = startTelemetry('dealers', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' });
    expect(telemetry.enabled).toBe(true);
    expect(mockLoaded).toContain('./sdk/tracing-sdk');
    expect(mockStartTracing).toHaveBeenCalledWith('dealers', { exporters: ['otlp'], otlpTracesUrl: 'http://127.0.0.1:4318/v1/traces' });
    expect(tracedEventTransport(new InProcessTransport(), 'in-process')).toBe(traced);
    await telemetry.shutdown();
    expect(tracing.shutdown).toHaveBeenCalled();
  });
});
