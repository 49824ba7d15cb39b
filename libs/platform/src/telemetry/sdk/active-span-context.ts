import { context, propagation } from '@opentelemetry/api';
import { parseTraceContext, type TraceContext } from '../../events/trace-context';

/** The active span as W3C trace context (what events and subgraph calls carry); undefined without one. */
export function activeSpanTraceContext(): TraceContext | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return parseTraceContext(carrier.traceparent, carrier.tracestate);
}
