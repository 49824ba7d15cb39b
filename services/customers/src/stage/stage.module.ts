import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Stage, StageNode } from './stage.entity';
import { StageService } from './stage.service';
import { StageResolver } from './stage.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([Stage, StageNode])],
  providers: [StageService, StageResolver],
  exports: [StageService],
})
export class StageModule {}
