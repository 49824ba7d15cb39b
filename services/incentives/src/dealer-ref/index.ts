export * from './dealer-ref.type';
export * from './dealer-ref.module';
