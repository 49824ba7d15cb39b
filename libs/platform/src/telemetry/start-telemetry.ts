import { createLogger } from '../logging/logger';
import { activeTracing, setActiveTracing } from './active-tracing';
import { tracingSettings } from './tracing-settings';

export interface Telemetry {
  readonly enabled: boolean;
  /** Flushes buffered spans; call before a clean exit. */
  shutdown(): Promise<void>;
}

const OFF: Telemetry = { enabled: false, shutdown: async () => undefined };

/**
 * First thing in every process entry (gateway, each service, the embedded host and each of its
 * worker threads): starts OpenTelemetry tracing for `serviceName` when the environment asks for
 * it (see tracing-settings.ts). Off, it loads nothing — the SDK is required only here, only
 * then — and every traced seam stays a pass-through. A wrong tracing variable is logged in one
 * line and leaves tracing off: observability never stops the service.
 */
export function startTelemetry(serviceName: string, env: Record<string, string | undefined> = process.env): Telemetry {
  const running = activeTracing();
  if (running) return { enabled: true, shutdown: () => running.shutdown() };
  let settings;
  try {
    settings = tracingSettings(env);
  } catch (error) {
    createLogger('telemetry').error(`${error instanceof Error ? error.message : String(error)}; tracing stays off`);
    return OFF;
  }
  if (!settings.exporters.length) return OFF;
  const { startTracing } = require('./sdk/tracing-sdk') as typeof import('./sdk/tracing-sdk');
  const tracing = startTracing(serviceName, settings);
  setActiveTracing(tracing);
  createLogger('telemetry').info({ service: serviceName, exporters: settings.exporters, url: settings.otlpTracesUrl }, 'tracing on');
  return {
    enabled: true,
    shutdown: async () => {
      setActiveTracing(undefined);
      await tracing.shutdown();
    },
  };
}
