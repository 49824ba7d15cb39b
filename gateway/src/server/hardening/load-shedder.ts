import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { counter, gauge } from '@lianxiao/platform';
import { limitBody, type LimitCode } from './limit-errors';
import { AdaptiveConcurrencyLimit } from './adaptive-concurrency-limit';

export interface LoadShedderOptions {
  /** The most GraphQL requests ever served at once; the adaptive limit moves below it. */
  maxInFlight: number;
  /** Event-loop delay (p99, ms) which, held for two half-second windows running, makes new requests refused. */
  maxEventLoopDelayMs: number;
  /** How long a request may wait for a free slot before it is refused; 0 refuses at once when full. */
  maxQueueWaitMs?: number;
  /** Requests waiting for a slot beyond which new ones are refused at once. */
  maxQueued?: number;
  /** Requests running longer than this make the concurrency limit shrink (see AdaptiveConcurrencyLimit). */
  targetLatencyMs?: number;
  /** The concurrency limit never shrinks below this. */
  minConcurrency?: number;
  /** The concurrency limit to start from. */
  initialConcurrency?: number;
}

export function loadSheddingLimits(env: NodeJS.ProcessEnv = process.env): Required<LoadShedderOptions> {
  const read = (name: string, fallback: number, allowZero = false) => {
    const value = Number(env[name] ?? fallback);
    return Number.isFinite(value) && (value > 0 || (allowZero && value === 0)) ? value : fallback;
  };
  const maxInFlight = read('GATEWAY_MAX_IN_FLIGHT', 64);
  const minConcurrency = Math.min(maxInFlight, read('GATEWAY_MIN_CONCURRENCY', 4));
  return {
    maxInFlight,
    maxEventLoopDelayMs: read('GATEWAY_MAX_EVENT_LOOP_DELAY_MS', 1000),
    maxQueueWaitMs: read('GATEWAY_MAX_QUEUE_WAIT_MS', 300, true),
    maxQueued: read('GATEWAY_MAX_QUEUED', 256, true),
    targetLatencyMs: read('GATEWAY_TARGET_LATENCY_MS', 400),
    minConcurrency,
    initialConcurrency: Math.max(minConcurrency, Math.min(maxInFlight, read('GATEWAY_INITIAL_CONCURRENCY', 16))),
  };
}

interface Waiter {
  enqueuedAt: number;
  req: Request;
  res: Response;
  next: NextFunction;
  timer: NodeJS.Timeout;
}

export interface LoadShedder extends RequestHandler {
  /** Requests being served now. */
  inFlight(): number;
  /** Requests waiting for a slot. */
  queued(): number;
  /** The concurrency limit now. */
  limit(): number;
  close(): void;
}

/**
 * Overload protection with admission control: a request runs only while fewer than the
 * concurrency limit are running; otherwise it waits, first come first served, for at most
 * `maxQueueWaitMs`, and is then refused with 503 + Retry-After (OVERLOADED_QUEUE_WAIT, zh + en).
 * A request whose expected wait (its place in line × the average service time ÷ the limit) is over
 * that, a full queue, or an event loop that cannot keep up, is refused at once (OVERLOADED). The limit adapts: it
 * shrinks when served requests take longer than the target latency and grows while the gateway is
 * busy and fast. So, past capacity, every request is served in about queue wait + target latency
 * or refused fast, and memory stays bounded by the limit and the queue.
 */
export function loadShedderMiddleware(options: LoadShedderOptions): LoadShedder {
  const maxQueueWaitMs = options.maxQueueWaitMs ?? 0;
  const maxQueued = options.maxQueued ?? 0;
  const concurrency = new AdaptiveConcurrencyLimit({
    max: options.maxInFlight,
    min: Math.min(options.minConcurrency ?? options.maxInFlight, options.maxInFlight),
    initial: options.initialConcurrency ?? options.maxInFlight,
    targetLatencyMs: options.targetLatencyMs ?? Number.POSITIVE_INFINITY,
  });
  let inFlight = 0;
  const queue: Waiter[] = [];
  /** Moving average of how long an admitted request is served (0 until one has been). */
  let serviceMs = 0;
  /** Slots free at about `limit` per service time: the wait of the n-th in line. */
  const expectedWaitMs = (position: number) => (position * serviceMs) / Math.max(1, concurrency.current());
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

  const refuse = (res: Response, code: LimitCode, limit: number, found?: number) => {
    if (res.headersSent || res.writableEnded) return;
    shedTotal.inc({ reason: code });
    res.setHeader('Retry-After', '1');
    res.status(503).json(limitBody(code, limit, found));
  };

  const admit = (res: Response, next: NextFunction) => {
    inFlight += 1;
    const startedAt = performance.now();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight -= 1;
      const servedMs = performance.now() - startedAt;
      serviceMs = serviceMs === 0 ? servedMs : serviceMs + SERVICE_TIME_WEIGHT * (servedMs - serviceMs);
      concurrency.record(servedMs, inFlight + 1);
      drain();
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };

  const drain = () => {
    while (queue.length > 0 && inFlight < concurrency.current()) {
      const waiter = queue.shift() as Waiter;
      clearTimeout(waiter.timer);
      if (waiter.res.writableEnded || waiter.res.destroyed) continue;
      admit(waiter.res, waiter.next);
    }
  };

  const handler = (req: Request, res: Response, next: NextFunction): void => {
    if (lagged) {
      refuse(res, 'OVERLOADED_LAGGING', options.maxEventLoopDelayMs, lagMs);
      return;
    }
    if (inFlight < concurrency.current() && queue.length === 0) {
      admit(res, next);
      return;
    }
    // A request that would wait longer than the queue limit anyway is refused now, not after
    // waiting it out: its client (a browser has six connections) gets the connection back at once.
    if (maxQueueWaitMs <= 0 || queue.length >= maxQueued || expectedWaitMs(queue.length + 1) > maxQueueWaitMs) {
      refuse(res, 'OVERLOADED', concurrency.current());
      return;
    }
    const waiter: Waiter = {
      enqueuedAt: performance.now(),
      req,
      res,
      next,
      timer: setTimeout(() => {
        const at = queue.indexOf(waiter);
        if (at >= 0) queue.splice(at, 1);
        refuse(res, 'OVERLOADED_QUEUE_WAIT', maxQueueWaitMs, Math.round(performance.now() - waiter.enqueuedAt));
      }, maxQueueWaitMs),
    };
    queue.push(waiter);
    // A caller who gives up while waiting frees its place at once.
    res.once('close', () => {
      const at = queue.indexOf(waiter);
      if (at >= 0) {
        queue.splice(at, 1);
        clearTimeout(waiter.timer);
      }
    });
  };

  const shedder: LoadShedder = Object.assign(handler, {
    inFlight: () => inFlight,
    queued: () => queue.length,
    limit: () => concurrency.current(),
    close: () => {
      clearInterval(timer);
      delay.disable();
      for (const waiter of queue.splice(0)) clearTimeout(waiter.timer);
      if (observed === shedder) observed = null;
    },
  });
  observed = shedder;
  return shedder;
}

/** Weight of the newest served request in the moving average of service time. */
const SERVICE_TIME_WEIGHT = 0.1;

const shedTotal = counter({
  name: 'lianxiao_gateway_requests_shed_total',
  help: 'GraphQL requests refused with 503 by admission control, by reason (OVERLOADED, OVERLOADED_QUEUE_WAIT, OVERLOADED_LAGGING)',
  labelNames: ['reason'],
});

/** The shedder /metrics reports on: the gateway's, the last one made in this thread. */
let observed: LoadShedder | null = null;
gauge({
  name: 'lianxiao_gateway_admission',
  help: 'Admission control now: requests being served (in_flight), waiting for a slot (queued), and the adaptive concurrency limit (limit)',
  labelNames: ['state'],
  collect() {
    this.reset();
    if (!observed) return;
    this.set({ state: 'in_flight' }, observed.inFlight());
    this.set({ state: 'queued' }, observed.queued());
    this.set({ state: 'limit' }, observed.limit());
  },
});
