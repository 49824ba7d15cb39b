export * from './limit-errors';
export * from './graphql-limits';
export * from './rate-limiter';
export * from './http-guards';
export * from './load-shedder';
