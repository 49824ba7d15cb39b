export * from './points-account.entity';
export * from './points-entry.entity';
export * from './points-arithmetic';
export * from './points.service';
export * from './points.module';
export * from './points-changed-event';
export * from './points-adjustment.service';
