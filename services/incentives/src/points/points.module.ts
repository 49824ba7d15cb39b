import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PointsAccount } from './points-account.entity';
import { PointsEntry } from './points-entry.entity';
import { PointsService } from './points.service';
import { PointsResolver } from './points.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([PointsAccount, PointsEntry])],
  providers: [PointsService, PointsResolver],
  exports: [PointsService],
})
export class PointsModule {}
