export * from './scorecard.entities';
export * from './scorecard.module';
export * from './scorecard-rules';
