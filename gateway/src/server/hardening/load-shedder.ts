import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { limitBody } from './limit-errors';

export interface LoadShedderOptions {
  /** GraphQL requests being served at once above which new ones are refused (503). */
  maxInFlight: number;
  /** Event-loop delay (p99, ms) which, held for two half-second windows running, makes new requests refused. */
  maxEventLoopDelayMs: number;
}

export function loadSheddingLimits(env: NodeJS.ProcessEnv = process.env): LoadShedderOptions {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return { maxInFlight: read('GATEWAY_MAX_IN_FLIGHT', 64), maxEventLoopDelayMs: read('GATEWAY_MAX_EVENT_LOOP_DELAY_MS', 1000) };
}

/**
 * Overload protection: past its capacity the gateway answers at once with 503 + Retry-After
 * (OVERLOADED, zh + en) instead of queueing work it cannot finish in time — every request is either
 * served or refused fast, and memory stays bounded. Capacity is "requests in flight" and "is the
 * event loop keeping up".
 */
export function loadShedderMiddleware(options: LoadShedderOptions): RequestHandler & { inFlight(): number; close(): void } {
  let inFlight = 0;
  let lagged = false;
  let laggingWindows = 0;
  let lagMs = 0;
  const delay = monitorEventLoopDelay({ resolution: 20 });
  delay.enable();
  const timer = setInterval(() => {
    lagMs = Math.round(delay.percentile(99) / 1e6);
    // One slow window is a hiccup (a GC, a busy machine); two in a row is overload.
    laggingWindows = lagMs > options.maxEventLoopDelayMs ? laggingWindows + 1 : 0;
    lagged = laggingWindows >= 2;
    delay.reset();
  }, 500);
  timer.unref();
  const handler = (req: Request, res: Response, next: NextFunction): void => {
    if (inFlight >= options.maxInFlight || lagged) {
      res.setHeader('Retry-After', '1');
      res.status(503).json(lagged ? limitBody('OVERLOADED_LAGGING', options.maxEventLoopDelayMs, lagMs) : limitBody('OVERLOADED', options.maxInFlight));
      return;
    }
    inFlight += 1;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight -= 1;
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };
  return Object.assign(handler, {
    inFlight: () => inFlight,
    close: () => {
      clearInterval(timer);
      delay.disable();
    },
  });
}
