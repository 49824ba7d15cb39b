export * from './pipeline.entities';
export * from './pipeline.module';
export * from './file-storage';
