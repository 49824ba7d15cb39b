import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PointsModule } from '../points/points.module';
import { ContractScore } from './contract-score.entity';
import { LedgerResolver } from './ledger.resolver';
import { PointsEarnRule } from './points-earn-rule.entity';
import { PointsLedgerConsumer } from './points-ledger.consumer';

/** The event-fed side of incentives: the points-ledger consumer and the scorecard read model. */
@Module({
  imports: [TypeOrmModule.forFeature([ContractScore, PointsEarnRule]), PointsModule],
  providers: [PointsLedgerConsumer, LedgerResolver],
})
export class LedgerModule {}
