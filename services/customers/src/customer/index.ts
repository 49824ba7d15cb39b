export * from './customer.entity';
export * from './contact.entity';
export * from './user-ref.entity';
export * from './customer.module';
export * from './customer-search';
