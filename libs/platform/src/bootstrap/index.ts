export * from './tokens';
export * from './platform.module';
export * from './start-subgraph';
export * from './subgraph-descriptor';
