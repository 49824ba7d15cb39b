import { ClientRequest, type IncomingMessage } from 'node:http';
import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, NodeTracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_NAMESPACE } from '@opentelemetry/semantic-conventions';
import { useActiveTraceSource } from '../../events/trace-context';
import { activeSpanTraceContext } from './active-span-context';
import type { Tracing } from '../tracing';
import type { TracingSettings } from '../tracing-settings';
import { installDatabaseSpans } from './database-spans';
import { TracedEventTransport } from './event-spans';
import { graphqlOperationListener, graphqlRequestSpan } from './graphql-spans';

/** Static files, /health and /metrics are not traced; /graphql, /reports and every non-GET are. */
function untracedRequest(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  return !/^\/(graphql|reports)(\/|\?|$)/.test(req.url ?? '/');
}

/**
 * The OpenTelemetry SDK of one thread: a tracer provider named after the service (sampling from
 * OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG, batching from OTEL_BSP_*), W3C trace context
 * propagation, HTTP server and client spans, SQL statement spans, and the trace context of the
 * active span for events (trace-context.ts). Loaded by startTelemetry only when tracing is on.
 */
export function startTracing(serviceName: string, settings: TracingSettings): Tracing {
  const exporters: SpanExporter[] = settings.exporters.map((kind) =>
    kind === 'otlp' ? new OTLPTraceExporter({ url: settings.otlpTracesUrl }) : new ConsoleSpanExporter(),
  );
  const resource = defaultResource()
    .merge(detectResources({ detectors: [envDetector] }))
    // Each process (and embedded worker thread) names itself: one OTEL_SERVICE_NAME for all would merge them.
    .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName, [ATTR_SERVICE_NAMESPACE]: 'lianxiao' }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: exporters.map((exporter) => new BatchSpanProcessor(exporter)) });
  provider.register();

  const unregister = registerInstrumentations({
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: untracedRequest,
        // Only calls made while serving something traced (a subgraph fetch, a webhook of a traced change).
        requireParentforOutgoingSpans: true,
        // `POST /graphql` instead of `POST`; the host is in server.address, the subgraph in the parent gateway.fetch span.
        requestHook: (span, request) => {
          if (request instanceof ClientRequest) span.updateName(`${request.method} ${request.path.split('?')[0]}`);
        },
      }),
    ],
  });
  // http and https were loaded before this (by express, Nest, the gateway): requiring them again lets
  // the instrumentation patch the loaded modules, so the entry point need not start telemetry before its imports.
  require('node:http');
  require('node:https');

  const tracer = trace.getTracer('lianxiao');
  installDatabaseSpans(tracer);
  useActiveTraceSource(activeSpanTraceContext);

  return {
    async shutdown() {
      useActiveTraceSource(undefined);
      unregister();
      await provider.shutdown();
    },
    traceEvents: (transport, system) => new TracedEventTransport(transport, tracer, system),
    graphqlRequestSpan: (req, res, next) => graphqlRequestSpan(tracer, req, res, next),
    graphqlOperationListener,
  };
}
