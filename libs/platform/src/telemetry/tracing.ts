import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BaseContext, GraphQLRequestListener } from '@apollo/server';
import type { EventTransport } from '../events/event-transport';

/**
 * What the OpenTelemetry SDK (./sdk, loaded only when tracing is on) does for the rest of the
 * platform. Code outside ./sdk reaches it only through the functions in active-tracing.ts, which
 * do nothing when tracing is off.
 */
export interface Tracing {
  /** Flushes spans still buffered and stops exporting. */
  shutdown(): Promise<void>;
  /** The transport with a producer span per message sent and a consumer span per message handled. */
  traceEvents(transport: EventTransport, system: string): EventTransport;
  /** Express middleware on /graphql: one span per request, active while it is served. */
  graphqlRequestSpan(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void;
  /** Names that span after the operation it runs and marks errors; undefined outside such a span. */
  graphqlOperationListener(): GraphQLRequestListener<BaseContext> | undefined;
}
