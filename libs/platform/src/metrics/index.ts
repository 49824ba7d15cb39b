export * from './registry';
export * from './http-metrics';
export * from './graphql-metrics';
export * from './metrics-endpoint';
export * from './service-metrics';
export * from './metrics.module';
