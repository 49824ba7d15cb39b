import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PointsAccount } from './points-account.entity';
import { PointsEntry } from './points-entry.entity';
import { PointsService } from './points.service';
import { PointsResolver } from './points.resolver';
import { PointsAdjustmentService } from './points-adjustment.service';

@Module({
  imports: [TypeOrmModule.forFeature([PointsAccount, PointsEntry])],
  providers: [PointsService, PointsResolver, PointsAdjustmentService],
  exports: [PointsService],
})
export class PointsModule {}
