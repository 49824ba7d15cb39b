export * from './env-config';
export * from './service-config';
export * from './test-hooks';
