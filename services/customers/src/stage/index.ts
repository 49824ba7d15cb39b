export * from './stage.entity';
export * from './stage.service';
export * from './stage.module';
export * from './default-stage-model';
export * from './stage-conditions';
