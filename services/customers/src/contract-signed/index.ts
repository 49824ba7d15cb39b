export * from './contract-signal.entity';
export * from './contract-signed.module';
export * from './contract-signed.handler';
