import { ConfigError } from '../config/env-config';
import { tracingSettings } from './tracing-settings';

describe('tracingSettings', () => {
  it('is off when nothing asks for tracing (the embedded default)', () => {
    expect(tracingSettings({})).toEqual({ exporters: [] });
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' })).toEqual({ exporters: [] });
  });

  it('exports OTLP over HTTP to the endpoint set, with the traces path added to the base URL', () => {
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toEqual({ exporters: ['otlp'], otlpTracesUrl: 'http://collector:4318/v1/traces' });
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://jaeger:4318/v1/traces', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://other:4318' })).toEqual({
      exporters: ['otlp'],
      otlpTracesUrl: 'http://jaeger:4318/v1/traces',
    });
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: 'otlp' })).toEqual({ exporters: ['otlp'], otlpTracesUrl: 'http://localhost:4318/v1/traces' });
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: 'console' })).toEqual({ exporters: ['console'] });
  });

  it('stays off when told to, whatever else is set', () => {
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toEqual({ exporters: [] });
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' })).toEqual({ exporters: [] });
  });

  it('names the variable when a value cannot work', () => {
    expect(() => tracingSettings({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(ConfigError);
    expect(() => tracingSettings({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(/OTEL_TRACES_EXPORTER/);
    expect(() => tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(/4318/);
    expect(() => tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });
});
