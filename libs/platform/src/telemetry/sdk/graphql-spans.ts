import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import type { BaseContext, GraphQLRequestListener } from '@apollo/server';

/** Spans made by graphqlRequestSpan (only these are renamed by the plugin), and whether they were. */
const requestSpans = new WeakMap<Span, { named: boolean }>();

/**
 * The span of one GraphQL request (`query CustomerList` once the operation is known), child of the
 * HTTP server span and parent of everything the request does: Apollo Gateway's planning and
 * fetches at the gateway, resolvers' SQL statements in a subgraph. Also gives the HTTP server
 * span its route, so it reads `POST /graphql` instead of `POST`.
 */
export function graphqlRequestSpan(tracer: Tracer, req: IncomingMessage & { baseUrl?: string }, res: ServerResponse, next: (error?: unknown) => void): void {
  const route = req.baseUrl || '/graphql';
  const server = trace.getActiveSpan();
  if (server) {
    server.updateName(`${req.method ?? 'POST'} ${route}`);
    server.setAttribute('http.route', route);
  }
  const parent = context.active();
  const span = tracer.startSpan('graphql', { kind: SpanKind.INTERNAL }, parent);
  requestSpans.set(span, { named: false });
  let open = true;
  const end = () => {
    if (!open) return;
    open = false;
    span.end();
  };
  res.once('finish', end);
  res.once('close', end);
  context.with(trace.setSpan(parent, span), next);
}

export function graphqlOperationListener(): GraphQLRequestListener<BaseContext> | undefined {
  const span = trace.getActiveSpan();
  const state = span && requestSpans.get(span);
  if (!span || !state) return undefined;
  return {
    async didResolveOperation({ operation, operationName }) {
      if (!operation) return;
      // A batch shares one request span: it is named after its first operation.
      if (!state.named) {
        state.named = true;
        span.updateName(operationName ? `${operation.operation} ${operationName}` : operation.operation);
      }
      span.setAttributes({ 'graphql.operation.type': operation.operation, ...(operationName ? { 'graphql.operation.name': operationName } : {}) });
    },
    async didEncounterErrors({ errors }) {
      const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
      span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
      span.setAttribute('graphql.error.codes', codes);
    },
  };
}
