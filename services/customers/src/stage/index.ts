export * from './stage.entity';
export * from './stage.service';
export * from './stage.module';
export * from './default-stage-model';
export * from './stage-conditions';
export * from './stage-changed-event';
export * from './stage-model-version.entity';
export * from './stage-model.dto';
