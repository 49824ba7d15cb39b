import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Contract } from './contract.entity';
import { ContractService } from './contract.service';
import { ContractResolver, PriorityResolver } from './contract.resolver';
import { ContractSigningService } from './contract-signing.service';
import { RequirementTicket } from '../requirement-ticket/requirement-ticket.entity';
import { TechnicalAgreement } from '../review/technical-agreement.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Contract, RequirementTicket, TechnicalAgreement])],
  providers: [ContractService, ContractSigningService, ContractResolver, PriorityResolver],
  exports: [ContractService, ContractSigningService],
})
export class ContractModule {}
