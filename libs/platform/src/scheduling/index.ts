export * from './scheduled-job-lease.entity';
export * from './scheduling-entities';
export * from './scheduling-lease.migration';
export * from './job-schedule';
export * from './scheduled-jobs';
export * from './scheduling.module';
