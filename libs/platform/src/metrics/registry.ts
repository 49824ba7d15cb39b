import { collectDefaultMetrics, Counter, CounterConfiguration, Gauge, GaugeConfiguration, Histogram, HistogramConfiguration, Registry } from 'prom-client';

/**
 * One Prometheus registry per thread: a service process (cluster mode), or each worker thread of
 * the embedded process (one subgraph each) and the main thread (gateway). Nothing here does work
 * between scrapes except counting: gauges read their values when /metrics is fetched.
 */
let registry: Registry | undefined;

export function metricsRegistry(): Registry {
  if (!registry) {
    registry = new Registry();
    // process_* and nodejs_* (CPU, memory, event-loop lag, GC); read on scrape.
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}

/** The metric of that name, created on first use (services and the gateway may share a thread). */
export function counter<L extends string>(config: CounterConfiguration<L>): Counter<L> {
  const existing = metricsRegistry().getSingleMetric(config.name);
  return (existing as Counter<L> | undefined) ?? new Counter<L>({ ...config, registers: [metricsRegistry()] });
}

export function gauge<L extends string>(config: GaugeConfiguration<L>): Gauge<L> {
  const existing = metricsRegistry().getSingleMetric(config.name);
  return (existing as Gauge<L> | undefined) ?? new Gauge<L>({ ...config, registers: [metricsRegistry()] });
}

export function histogram<L extends string>(config: HistogramConfiguration<L>): Histogram<L> {
  const existing = metricsRegistry().getSingleMetric(config.name);
  return (existing as Histogram<L> | undefined) ?? new Histogram<L>({ ...config, registers: [metricsRegistry()] });
}

/** Request latency buckets (seconds): 5 ms … 10 s. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
