export * from './tokens';
export * from './platform.module';
export * from './start-subgraph';
