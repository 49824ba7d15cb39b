export * from './contract.entity';
export * from './contract.service';
export * from './contract.module';
export * from './contract-signing.service';
export * from './priority';
