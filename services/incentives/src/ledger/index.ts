export * from './contract-score.entity';
export * from './points-earn-rule.entity';
export * from './earn-rules';
export * from './earn-rules.seed';
export * from './points-ledger.handler';
export * from './points-ledger.consumer';
export * from './ledger.module';
