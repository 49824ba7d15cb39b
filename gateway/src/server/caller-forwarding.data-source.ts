import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CALLER_HEADER, signGatewayAssertion } from '@lianxiao/platform';
import type { GatewayContext } from './gateway-context';

/**
 * Sends every subgraph request with the gateway-signed caller assertion (signed once per
 * incoming request). Subgraphs refuse anything without it.
 */
export class CallerForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly internalSecret: string) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!('caller' in context)) return; // health checks and schema loading carry no caller
    if (!context.assertion) {
      context.assertion = signGatewayAssertion({ caller: context.caller ?? null, requestId: context.requestId }, this.internalSecret);
    }
    request.http?.headers.set(CALLER_HEADER, context.assertion);
    if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
  }
}
