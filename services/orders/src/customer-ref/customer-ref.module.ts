import { Module } from '@nestjs/common';
import { ContractModule } from '../contract';
import { RequirementTicketModule } from '../requirement-ticket';
import { CustomerRefResolver } from './customer-ref.resolver';

@Module({
  imports: [ContractModule, RequirementTicketModule],
  providers: [CustomerRefResolver],
})
export class CustomerRefModule {}
