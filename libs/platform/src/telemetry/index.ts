export * from './start-telemetry';
export * from './tracing-settings';
export { graphqlRequestSpanMiddleware, graphqlTracingPlugin, isTracingActive, tracedEventTransport } from './active-tracing';
export type { Tracing } from './tracing';
