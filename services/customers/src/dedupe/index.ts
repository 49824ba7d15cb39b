export * from './customer-merge.entity';
export * from './dedupe.module';
export * from './duplicate-candidates';
export * from './duplicate-keys';
