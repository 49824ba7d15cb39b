export * from './dealer-target.entity';
export * from './target-split';
export * from './target.module';
