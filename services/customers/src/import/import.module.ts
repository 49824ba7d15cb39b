import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StageModule } from '../stage';
import { FILE_STORAGE, type FileStorage } from '../pipeline';
import { ImportJob } from './import-job.entity';
import { ImportService } from './import.service';
import { ImportResolver } from './import.resolver';

export const IMPORT_ENTITIES = [ImportJob];

/** Uploaded files are kept in the same storage as evidence (content-addressed chunks). */
@Module({})
export class ImportModule {
  static forRoot(options: { storage: FileStorage }): DynamicModule {
    return {
      module: ImportModule,
      imports: [TypeOrmModule.forFeature(IMPORT_ENTITIES), StageModule],
      providers: [{ provide: FILE_STORAGE, useValue: options.storage }, ImportService, ImportResolver],
      exports: [ImportService],
    };
  }
}
