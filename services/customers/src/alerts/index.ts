export * from './alert.entity';
export * from './alert-rule.entity';
export * from './alert-delivery.entity';
export * from './alert-vocabulary';
export * from './alert.service';
export * from './alerts.module';
