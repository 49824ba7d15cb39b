import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PointsModule } from '../points/points.module';
import { RedemptionItem } from './redemption-item.entity';
import { Redemption } from './redemption.entity';
import { RedemptionResolver } from './redemption.resolver';
import { RedemptionSeedService } from './redemption-seed.service';
import { RedemptionService } from './redemption.service';

/** Points redemption: the marketing-materials catalogue and redemptions against the ledger. */
@Module({
  imports: [TypeOrmModule.forFeature([RedemptionItem, Redemption]), PointsModule],
  providers: [RedemptionService, RedemptionResolver, RedemptionSeedService],
})
export class RedemptionModule {}
