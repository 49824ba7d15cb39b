export * from './import-job.entity';
export * from './import.module';
export * from './import-columns';
export * from './import-plan';
export { ImportService } from './import.service';
