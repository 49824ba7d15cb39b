export * from './domain-error';
export * from './graphql-error-format';
