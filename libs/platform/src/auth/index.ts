export * from './role';
export * from './caller';
export * from './hmac-key';
export * from './access.decorators';
export * from './access.guard';
export * from './data-scope';
