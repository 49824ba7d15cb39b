export * from './customer-ref.type';
export * from './customer-ref.module';
export * from './customer-record.entity';
export * from './customer-record.handler';
