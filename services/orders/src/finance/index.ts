export * from './finance.module';
export * from './finance-entities';
export * from './demo-finance-seed';
