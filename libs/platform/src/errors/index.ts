export * from './domain-error';
export * from './graphql-error-format';
export * from './domain-error.filter';
