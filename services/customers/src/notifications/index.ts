export * from './inbox-item.entity';
export * from './inbox.service';
export * from './notifications.module';
export * from './robot-webhook';
export * from './user-directory';
