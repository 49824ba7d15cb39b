import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Contract } from './contract.entity';
import { ContractService } from './contract.service';
import { ContractResolver } from './contract.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([Contract])],
  providers: [ContractService, ContractResolver],
  exports: [ContractService],
})
export class ContractModule {}
