import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { counter, histogram, LATENCY_BUCKETS } from './registry';

/**
 * Apollo Server plugin: GraphQL operations by type (query, mutation, subscription; `invalid` when
 * the document did not parse or validate), their latency, and errors by `extensions.code`.
 * Used by every subgraph (MetricsModule) and by the gateway.
 */
export function graphqlMetricsPlugin<TContext extends BaseContext = BaseContext>(service: string): ApolloServerPlugin<TContext> {
  const duration = histogram({
    name: 'lianxiao_graphql_operation_duration_seconds',
    help: 'GraphQL operation latency by service and operation type',
    labelNames: ['service', 'operation_type'],
    buckets: LATENCY_BUCKETS,
  });
  const operations = counter({
    name: 'lianxiao_graphql_operations_total',
    help: 'GraphQL operations by service, operation type and outcome (ok: no error in the answer, error: at least one)',
    labelNames: ['service', 'operation_type', 'outcome'],
  });
  const errors = counter({
    name: 'lianxiao_graphql_errors_total',
    help: 'GraphQL errors in answers by service, operation type and error code (extensions.code)',
    labelNames: ['service', 'operation_type', 'code'],
  });
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<TContext>> {
      const started = process.hrtime.bigint();
      let type = 'invalid';
      return {
        async didResolveOperation({ operation }) {
          type = operation?.operation ?? 'invalid';
        },
        async willSendResponse({ response, errors: requestErrors }) {
          const body = response.body;
          const answerErrors = requestErrors ?? (body.kind === 'single' ? body.singleResult.errors : undefined) ?? [];
          duration.observe({ service, operation_type: type }, Number(process.hrtime.bigint() - started) / 1e9);
          operations.inc({ service, operation_type: type, outcome: answerErrors.length ? 'error' : 'ok' });
          for (const error of answerErrors) {
            const code = (error.extensions?.code as string | undefined) ?? 'UNKNOWN';
            errors.inc({ service, operation_type: type, code: /^[A-Z0-9_]{1,64}$/.test(code) ? code : 'OTHER' });
          }
        },
      };
    },
  };
}
