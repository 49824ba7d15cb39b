import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Stage, StageNode } from './stage.entity';
import { StageModelVersion } from './stage-model-version.entity';
import { StageService } from './stage.service';
import { CustomerStageModelResolver, StageModelVersionResolver, StageResolver } from './stage.resolver';

export const STAGE_ENTITIES = [Stage, StageNode, StageModelVersion];

@Module({
  imports: [TypeOrmModule.forFeature(STAGE_ENTITIES)],
  providers: [StageService, StageResolver, StageModelVersionResolver, CustomerStageModelResolver],
  exports: [StageService],
})
export class StageModule {}
