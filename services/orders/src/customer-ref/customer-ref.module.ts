import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContractModule } from '../contract';
import { RequirementTicketModule } from '../requirement-ticket';
import { CustomerRecord } from './customer-record.entity';
import { CustomerRecordConsumer } from './customer-record.consumer';
import { CustomerRefResolver } from './customer-ref.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([CustomerRecord]), ContractModule, RequirementTicketModule],
  providers: [CustomerRefResolver, CustomerRecordConsumer],
})
export class CustomerRefModule {}
