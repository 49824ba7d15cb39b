export * from './redemption-item.entity';
export * from './redemption.entity';
export * from './redemption-catalogue';
export * from './redemption.service';
export * from './redemption.module';
