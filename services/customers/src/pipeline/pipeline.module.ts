import * as path from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomerModule } from '../customer';
import { StageModule } from '../stage';
import { Clock, CLOCK, FILE_STORAGE, FileStorage, LocalDiskFileStorage, systemClock } from './file-storage';
import { Evidence, FollowUp, FollowUpVersion, NodeCompletion, StageTransition } from './pipeline.entities';
import { PipelineService } from './pipeline.service';
import { FollowUpService } from './follow-up.service';
import { CustomerPipelineResolver, FollowUpResolver } from './pipeline.resolver';

export const PIPELINE_ENTITIES = [Evidence, NodeCompletion, StageTransition, FollowUp, FollowUpVersion];

/** Evidence files go to `<dataDir>/files/<sha256>` unless another FileStorage (e.g. S3) is given. */
@Module({})
export class PipelineModule {
  static forRoot(options: { dataDir: string; storage?: FileStorage; clock?: Clock }): DynamicModule {
    return {
      module: PipelineModule,
      imports: [TypeOrmModule.forFeature(PIPELINE_ENTITIES), CustomerModule, StageModule],
      providers: [
        { provide: FILE_STORAGE, useValue: options.storage ?? new LocalDiskFileStorage(path.join(options.dataDir, 'files')) },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        PipelineService,
        FollowUpService,
        CustomerPipelineResolver,
        FollowUpResolver,
      ],
      exports: [PipelineService, FollowUpService],
    };
  }
}
