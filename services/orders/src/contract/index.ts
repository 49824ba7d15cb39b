export * from './contract.entity';
export * from './contract.service';
export * from './contract.module';
