import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StageModule } from '../stage';
import { ContractSignal } from './contract-signal.entity';
import { ContractSignedConsumer } from './contract-signed.consumer';
import { CustomerContractSignalsResolver } from './contract-signals.resolver';

/** Reacts to signed contracts from the orders service (see ContractSignedConsumer). */
@Module({
  imports: [TypeOrmModule.forFeature([ContractSignal]), StageModule],
  providers: [ContractSignedConsumer, CustomerContractSignalsResolver],
})
export class ContractSignedModule {}
