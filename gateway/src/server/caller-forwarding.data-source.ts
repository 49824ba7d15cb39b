import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { CALLER_HEADER, COUNT_SQL_HEADER, counter, isTracingActive, signGatewayAssertion, traceHeaders } from '@lianxiao/platform';
import type { GatewayContext } from './gateway-context';
import { InflightDeduplicator } from './inflight-deduplicator';

/** A subgraph query, not a mutation: `query …` or the `{ … }` shorthand. */
const READ_ONLY = /^\s*(?:query\b|\{)/;

const sharedQueries = counter({
  name: 'lianxiao_gateway_subgraph_queries_shared_total',
  help: 'Subgraph queries answered from an identical one already in flight (same caller, query and variables)',
  labelNames: ['subgraph'],
});

/**
 * Sends every subgraph request with the gateway-signed caller assertion (signed once per
 * incoming request). Subgraphs refuse anything without it. The W3C trace context goes along: the
 * fetch's span with tracing on, the caller's traceparent unchanged with it off.
 */
export class CallerForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly inflight = new InflightDeduplicator<GatewayGraphQLResponse>();

  constructor(
    url: string,
    private readonly internalSecret: string,
    private readonly subgraphName = '',
    private readonly dedupeQueries = process.env.GATEWAY_DEDUPE_SUBGRAPH_QUERIES !== 'false',
  ) {
    // Node's own fetch (undici: a keep-alive pool per subgraph) instead of the default
    // make-fetch-happen, whose cache and agent layers cost more CPU per subgraph call than the call.
    // With tracing on, the default stays: it goes through node:http, which the OpenTelemetry HTTP
    // instrumentation turns into the client span of each subgraph call (undici's fetch it does not).
    super(isTracingActive() ? { url } : { url, fetcher: globalThis.fetch as unknown as Fetcher });
  }

  /**
   * The same query with the same variables for the same caller, while one is already on its way to
   * this subgraph, waits for that one's answer instead of being sent again: under load many portal
   * users open the same dashboard at once. Only reads, only for one identity (user, roles and scope),
   * never while SQL statements are being counted.
   */
  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const key = this.dedupeKeyOf(options);
    if (!key) return super.process(options);
    const before = this.inflight.sharedCount();
    const answer = this.inflight.run(key, () => super.process(options));
    if (this.inflight.sharedCount() > before) sharedQueries.inc({ subgraph: this.subgraphName });
    return answer;
  }

  private dedupeKeyOf(options: GraphQLDataSourceProcessOptions<GatewayContext>): string | null {
    // Health checks and schema loads carry no incoming request.
    if (!this.dedupeQueries || !('incomingRequestContext' in options)) return null;
    const { context, request } = options;
    if (!context.caller || context.sqlStatements || !request.query || !READ_ONLY.test(request.query)) return null;
    const c = context.caller;
    return JSON.stringify([c.userId, c.roles, c.region ?? null, c.dealerId ?? null, c.supervisorId ?? null, request.query, request.variables ?? null]);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!('caller' in context)) return; // health checks and schema loading carry no caller
    if (!context.assertion) {
      context.assertion = signGatewayAssertion({ caller: context.caller ?? null, requestId: context.requestId }, this.internalSecret);
    }
    request.http?.headers.set(CALLER_HEADER, context.assertion);
    if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
    if (context.sqlStatements) request.http?.headers.set(COUNT_SQL_HEADER, '1');
    for (const [name, value] of Object.entries(traceHeaders())) request.http?.headers.set(name, value);
  }

  /** Adds up the SQL statements a subgraph reports for a counted request (see statement-counter). */
  override didReceiveResponse({ response, context }: { response: GatewayGraphQLResponse; context: GatewayContext }): GatewayGraphQLResponse {
    const reported = response.extensions?.sqlStatements;
    if (context.sqlStatements && typeof reported === 'number') {
      context.sqlStatements[this.subgraphName] = (context.sqlStatements[this.subgraphName] ?? 0) + reported;
    }
    return response;
  }

  /**
   * A subgraph answers 400 when a variable does not coerce (a bad DateTime, an out-of-range Int): keep
   * its coded error instead of the gateway's generic "400: Bad Request".
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    if (response.status === 400) {
      const body = await this.parseBody(response).catch(() => null);
      const first = typeof body === 'object' && body ? (body as { errors?: { message?: string; extensions?: Record<string, unknown> }[] }).errors?.[0] : undefined;
      if (first?.message && first.extensions?.code) {
        return new GraphQLError(first.message, { extensions: { code: first.extensions.code, ...(first.extensions.messageZh ? { messageZh: first.extensions.messageZh, messageEn: first.extensions.messageEn } : {}) } });
      }
    }
    return super.errorFromResponse(response);
  }
}
