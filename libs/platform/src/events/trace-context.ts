import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * W3C Trace Context (traceparent / tracestate) of the work in progress: set from the incoming
 * HTTP request or the consumed event, written into the headers of the outbox rows the work
 * appends, published with them, and restored by the consumer. Without OpenTelemetry it carries
 * the caller's trace along unchanged; nothing is stored when there is none. With OpenTelemetry on
 * (libs/platform/src/telemetry) the active span is the current context, so events carry the span
 * that appended them.
 */
export interface TraceContext {
  traceparent: string;
  tracestate?: string;
}

export const TRACEPARENT_HEADER = 'traceparent';
export const TRACESTATE_HEADER = 'tracestate';

const TRACEPARENT = /^[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;
const storage = new AsyncLocalStorage<TraceContext>();

/** Answers with the active span's context when OpenTelemetry is on; undefined when no span is active. */
export type ActiveTraceSource = () => TraceContext | undefined;
let activeSource: ActiveTraceSource | undefined;

/** Called by the telemetry SDK when it starts (and with undefined when it stops). */
export function useActiveTraceSource(source: ActiveTraceSource | undefined): void {
  activeSource = source;
}

/** A valid traceparent (and its tracestate) from header values, else undefined. */
export function parseTraceContext(traceparent: unknown, tracestate?: unknown): TraceContext | undefined {
  if (typeof traceparent !== 'string') return undefined;
  const value = traceparent.trim().toLowerCase();
  if (!TRACEPARENT.test(value) || value.startsWith('ff')) return undefined;
  const state = typeof tracestate === 'string' && tracestate.length <= 512 ? tracestate.trim() : undefined;
  return state ? { traceparent: value, tracestate: state } : { traceparent: value };
}

/** Runs fn with that trace context (or as it is when there is none). */
export function runWithTraceContext<T>(context: TraceContext | undefined, fn: () => T): T {
  return context ? storage.run(context, fn) : fn();
}

export function currentTraceContext(): TraceContext | undefined {
  return activeSource?.() ?? storage.getStore();
}

/** The trace headers to put on an event: empty when no trace is in progress. */
export function traceHeaders(context: TraceContext | undefined = currentTraceContext()): Record<string, string> {
  if (!context) return {};
  return context.tracestate ? { [TRACEPARENT_HEADER]: context.traceparent, [TRACESTATE_HEADER]: context.tracestate } : { [TRACEPARENT_HEADER]: context.traceparent };
}

/** Express/Connect middleware: the request's traceparent becomes the context of its work. */
export function traceContextMiddleware() {
  return (req: { headers: Record<string, string | string[] | undefined> }, _res: unknown, next: () => void): void => {
    runWithTraceContext(parseTraceContext(req.headers[TRACEPARENT_HEADER], req.headers[TRACESTATE_HEADER]), next);
  };
}
