export * from './attainment'; export * from './attainment.module';
export * from './product-line-attainment';
