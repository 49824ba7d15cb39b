import { ConfigError } from '../config/env-config';

export type TraceExporterKind = 'otlp' | 'console';

/** Where spans go; no exporters means tracing is off and no OpenTelemetry code is loaded. */
export interface TracingSettings {
  exporters: TraceExporterKind[];
  /** OTLP/HTTP traces URL (…/v1/traces) when `otlp` is among the exporters. */
  otlpTracesUrl?: string;
}

const OFF: TracingSettings = { exporters: [] };
const DEFAULT_OTLP_ENDPOINT = 'http://localhost:4318';

type Env = Record<string, string | undefined>;

const value = (env: Env, name: string): string | undefined => {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
};

/**
 * Tracing from the standard OpenTelemetry variables: on when an OTLP endpoint is set
 * (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) or OTEL_TRACES_EXPORTER
 * names an exporter; off when nothing is set (the embedded default), with OTEL_SDK_DISABLED=true
 * or OTEL_TRACES_EXPORTER=none. Spans are sent as OTLP over HTTP with JSON bodies.
 */
export function tracingSettings(env: Env = process.env): TracingSettings {
  if (value(env, 'OTEL_SDK_DISABLED')?.toLowerCase() === 'true') return OFF;
  const tracesEndpoint = value(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const endpoint = value(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  const named = value(env, 'OTEL_TRACES_EXPORTER');
  const kinds = named ? named.toLowerCase().split(',').map((k) => k.trim()).filter(Boolean) : tracesEndpoint || endpoint ? ['otlp'] : [];
  if (kinds.includes('none')) return OFF;
  for (const kind of kinds) {
    if (kind !== 'otlp' && kind !== 'console') throw new ConfigError('OTEL_TRACES_EXPORTER', `is "${named}"; expected otlp, console or none`);
  }
  const exporters = [...new Set(kinds)] as TraceExporterKind[];
  if (!exporters.includes('otlp')) return { exporters };
  const protocol = value(env, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ?? value(env, 'OTEL_EXPORTER_OTLP_PROTOCOL');
  if (protocol === 'grpc') {
    throw new ConfigError('OTEL_EXPORTER_OTLP_PROTOCOL', 'is "grpc"; Lianxiao exports OTLP over HTTP (http/json): point OTEL_EXPORTER_OTLP_ENDPOINT at the collector\'s HTTP port (4318)');
  }
  for (const [name, url] of [['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', tracesEndpoint], ['OTEL_EXPORTER_OTLP_ENDPOINT', endpoint]] as const) {
    if (url && !/^https?:\/\/[^/\s]+/i.test(url)) throw new ConfigError(name, `is "${url}"; expected an http(s) URL such as http://otel-collector:4318`);
  }
  // The signal-specific variable is the full URL; the general one is a base the path is added to.
  const otlpTracesUrl = tracesEndpoint ?? `${(endpoint ?? DEFAULT_OTLP_ENDPOINT).replace(/\/+$/, '')}/v1/traces`;
  return { exporters, otlpTracesUrl };
}
