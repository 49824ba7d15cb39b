export * from './customer-health.entity';
export * from './customer-health.module';
export * from './health-score';
