import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ErpCustomerMaster } from './erp-customer-master.entity';
import { ErpCustomerMasterConsumer } from './erp-customer-master.consumer';
import { ErpInboundResolver } from './erp-inbound.resolver';

export const ERP_INBOUND_ENTITIES = [ErpCustomerMaster];

/** ERP → customers: erp.customer-master-updated.v1 (latest contact, valid contract amount). */
@Module({
  imports: [TypeOrmModule.forFeature(ERP_INBOUND_ENTITIES)],
  providers: [ErpCustomerMasterConsumer, ErpInboundResolver],
})
export class ErpInboundModule {}
