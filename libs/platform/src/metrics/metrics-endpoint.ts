import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { metricsRegistry } from './registry';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Who may read /metrics: a direct connection from this machine (loopback, no proxy header), or
 * anyone presenting `Authorization: Bearer <METRICS_TOKEN>` when METRICS_TOKEN is set. A request
 * relayed by a local reverse proxy carries X-Forwarded-For and so needs the token.
 */
export function metricsAccessAllowed(req: IncomingMessage, token = process.env.METRICS_TOKEN): boolean {
  const header = req.headers.authorization ?? '';
  if (token) {
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (match) {
      const given = Buffer.from(match[1].trim());
      const wanted = Buffer.from(token);
      if (given.length === wanted.length && timingSafeEqual(given, wanted)) return true;
    }
  }
  const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
  return !forwarded && LOOPBACK.has(req.socket.remoteAddress ?? '');
}

/** GET /metrics in the Prometheus text format; 403 unless metricsAccessAllowed. */
export function metricsRequestHandler() {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!metricsAccessAllowed(req)) {
      res.statusCode = 403;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('metrics are served to loopback or with Authorization: Bearer <METRICS_TOKEN>\n');
      return;
    }
    const registry = metricsRegistry();
    registry.metrics().then(
      (text) => {
        res.statusCode = 200;
        res.setHeader('Content-Type', registry.contentType);
        res.setHeader('Cache-Control', 'no-store');
        res.end(text);
      },
      (error: unknown) => {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(`cannot collect metrics: ${error instanceof Error ? error.message : String(error)}\n`);
      },
    );
  };
}
