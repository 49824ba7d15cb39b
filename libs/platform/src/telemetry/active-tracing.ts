import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { EventTransport } from '../events/event-transport';
import type { Tracing } from './tracing';

/**
 * The seams through which the platform's code is traced. With tracing off (no SDK started in
 * this thread) each is a pass-through: the transport is returned as it is, the middleware calls
 * next, the plugin adds no listener.
 */
let active: Tracing | undefined;

export function setActiveTracing(tracing: Tracing | undefined): void {
  active = tracing;
}

export function activeTracing(): Tracing | undefined {
  return active;
}

/** Whether this thread exports traces (OpenTelemetry started with an OTLP endpoint). */
export function isTracingActive(): boolean {
  return active !== undefined;
}

/** Producer and consumer spans around an event transport; the transport itself when tracing is off. */
export function tracedEventTransport<T extends EventTransport>(transport: T, system: string): EventTransport {
  return active ? active.traceEvents(transport, system) : transport;
}

/** Mount on /graphql (gateway and subgraphs): the span of the GraphQL request, parent of its work. */
export function graphqlRequestSpanMiddleware() {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    if (active) active.graphqlRequestSpan(req, res, next);
    else next();
  };
}

/** Apollo Server plugin: names the GraphQL request span `query CustomerList` and records errors. */
export function graphqlTracingPlugin<TContext extends BaseContext = BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return active?.graphqlOperationListener();
    },
  };
}
