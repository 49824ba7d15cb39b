export * from './env-config';
export * from './service-config';
