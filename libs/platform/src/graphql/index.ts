export * from './request-context';
export * from './gateway-credential.middleware';
export * from './subgraph-graphql.module';
