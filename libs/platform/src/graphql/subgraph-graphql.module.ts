import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { formatGraphQLError } from '../errors/graphql-error-format';
import { AssertedRequest } from './gateway-credential.middleware';
import { RequestContext } from './request-context';
import { statementCountPlugin } from '../database/statement-counter';
import { installStrictDateTime } from './strict-date-time';
import { graphqlTracingPlugin } from '../telemetry/active-tracing';

/** Code-first Apollo Federation 2 subgraph with the shared context, errors and limits. */
export function subgraphGraphQLModule(): DynamicModule {
  installStrictDateTime();
  return GraphQLModule.forRoot<ApolloFederationDriverConfig>({
    driver: ApolloFederationDriver,
    autoSchemaFile: { federation: 2 },
    sortSchema: true,
    path: '/graphql',
    playground: false,
    graphiql: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: false,
    fieldResolverEnhancers: ['guards', 'filters'],
    formatError: formatGraphQLError,
    plugins: [ApolloServerPluginInlineTraceDisabled(), statementCountPlugin(), graphqlTracingPlugin()],
    context: ({ req }: { req: AssertedRequest }): RequestContext => ({
      req,
      caller: req.gatewayAssertion?.caller ?? null,
      requestId: req.gatewayAssertion?.requestId,
      loaders: new Map(),
    }),
  });
}
