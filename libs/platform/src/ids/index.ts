export * from './stable-id';
