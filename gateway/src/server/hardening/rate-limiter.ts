import type { NextFunction, Request, Response } from 'express';
import { limitBody } from './limit-errors';

export interface TakeResult {
  allowed: boolean;
  /** Whole seconds until one token is available again (0 when allowed). */
  retryAfterSeconds: number;
  remaining: number;
}

/**
 * In-memory token buckets keyed by a string (user id or IP): `perMinute` tokens refill evenly over
 * a minute, and a full bucket holds `perMinute` (the burst). Idle buckets are swept.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly refillPerMs: number;
  private lastSweep: number;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isFinite(perMinute) || perMinute < 1) throw new Error(`rate limit must be at least 1 per minute, got ${perMinute}`);
    this.refillPerMs = perMinute / 60_000;
    this.lastSweep = now();
  }

  take(key: string): TakeResult {
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.refillPerMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(bucket.tokens) };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000)), remaining: 0 };
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.refillPerMs >= this.perMinute) this.buckets.delete(key);
    }
  }
}

export interface RateLimitOptions {
  perUser: TokenBucketLimiter;
  perIp: TokenBucketLimiter;
  /** The verified user id of the request, or null (anonymous or invalid token: only the IP limit applies). */
  userOf: (req: Request) => string | null;
}

export function loadRateLimits(env: Record<string, string | undefined> = process.env): { perUserPerMinute: number; perIpPerMinute: number } {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
    return n;
  };
  const perUserPerMinute = read('RATE_LIMIT_PER_MINUTE', 1200);
  return { perUserPerMinute, perIpPerMinute: read('RATE_LIMIT_PER_IP_PER_MINUTE', Math.max(6000, perUserPerMinute * 5)) };
}

function refuse(res: Response, limit: number, retryAfter: number, scope: 'user' | 'ip'): void {
  const body = limitBody('RATE_LIMITED', limit, retryAfter);
  body.errors[0].extensions.scope = scope;
  body.errors[0].extensions.retryAfterSeconds = retryAfter;
  res.status(429).set('Retry-After', String(retryAfter)).json(body);
}

/** Express middleware: per-IP bucket first, then per-user bucket; 429 + Retry-After when empty. */
export function rateLimitMiddleware({ perUser, perIp, userOf }: RateLimitOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const byIp = perIp.take(`ip:${ip}`);
    if (!byIp.allowed) return refuse(res, perIp.perMinute, byIp.retryAfterSeconds, 'ip');
    const user = userOf(req);
    if (user) {
      const byUser = perUser.take(`user:${user}`);
      if (!byUser.allowed) return refuse(res, perUser.perMinute, byUser.retryAfterSeconds, 'user');
      res.set('RateLimit-Remaining', String(byUser.remaining));
    }
    next();
  };
}
