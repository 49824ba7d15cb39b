export * from './attainment'; export * from './attainment.module';
