export * from './promotion-plan.entity';
export * from './promotion-plan-rules';
export * from './promotion.module';
