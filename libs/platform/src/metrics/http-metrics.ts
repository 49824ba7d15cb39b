import type { IncomingMessage, ServerResponse } from 'node:http';
import { counter, histogram, LATENCY_BUCKETS } from './registry';

const KNOWN_ROUTES = new Set(['/graphql', '/health', '/metrics']);

/** The route label: the known endpoints by name, everything else (portal files, SPA paths) as `other`. */
export function routeLabel(url: string | undefined): string {
  const path = (url ?? '').split('?')[0].replace(/\/+$/, '') || '/';
  return KNOWN_ROUTES.has(path) ? path : 'other';
}

/**
 * Express/Connect middleware: request count and latency by route, method and status class.
 * Costs a clock read and one histogram observation per request.
 */
export function httpMetricsMiddleware(service: string) {
  const duration = histogram({
    name: 'lianxiao_http_request_duration_seconds',
    help: 'HTTP request latency by service, route (/graphql, /health, /metrics, other), method and status class',
    labelNames: ['service', 'route', 'method', 'status'],
    buckets: LATENCY_BUCKETS,
  });
  const requests = counter({
    name: 'lianxiao_http_requests_total',
    help: 'HTTP requests by service, route, method and status class',
    labelNames: ['service', 'route', 'method', 'status'],
  });
  return (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const labels = { service, route: routeLabel(req.originalUrl ?? req.url), method: req.method ?? 'GET', status: `${Math.floor(res.statusCode / 100)}xx` };
      duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
      requests.inc(labels);
    });
    next();
  };
}
