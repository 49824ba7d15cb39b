export * from './start-telemetry';
export * from './tracing-settings';
export { graphqlRequestSpanMiddleware, graphqlTracingPlugin, tracedEventTransport } from './active-tracing';
export type { Tracing } from './tracing';
