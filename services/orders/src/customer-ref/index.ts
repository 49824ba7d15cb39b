export * from './customer-ref.type';
export * from './customer-ref.module';
