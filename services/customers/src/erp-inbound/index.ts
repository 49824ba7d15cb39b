export * from './erp-customer-master.entity';
export * from './erp-customer-master.handler';
export * from './erp-inbound.module';
