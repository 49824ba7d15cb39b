export * from './dealer-target.entity';
export * from './dealer-target-line.entity';
export * from './product-line-targets';
export * from './target-split';
export * from './target.module';
export * from './target.service';
