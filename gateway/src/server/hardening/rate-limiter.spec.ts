import express from 'express';
import request from 'supertest';
import { loadRateLimits, rateLimitMiddleware, TokenBucketLimiter } from './rate-limiter';

describe('TokenBucketLimiter', () => {
  it('allows a burst of perMinute, then refuses with the seconds until the next token', () => {
    let now = 1_000_000;
    const limiter = new TokenBucketLimiter(6, () => now); // one token every 10 s
    for (let i = 0; i < 6; i++) expect(limiter.take('u').allowed).toBe(true);
    const refused = limiter.take('u');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 10, remaining: 0 });
    now += 4_000;
    expect(limiter.take('u')).toMatchObject({ allowed: false, retryAfterSeconds: 6 });
    now += 6_000;
    expect(limiter.take('u').allowed).toBe(true);
    expect(limiter.take('u').allowed).toBe(false);
  });

  it('keeps separate buckets per key', () => {
    const limiter = new TokenBucketLimiter(1, () => 0);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('refills to at most a full bucket and sweeps idle buckets', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter(2, () => now);
    limiter.take('a');
    now += 3_600_000; // an hour later: still only 2 tokens
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    limiter.take('idle');
    now += 10 * 60_000;
    limiter.take('other');
    expect(limiter.size).toBe(1);
  });

  it('rejects a nonsensical rate', () => {
    expect(() => new TokenBucketLimiter(0)).toThrow(/at least 1/);
  });
});

describe('loadRateLimits', () => {
  it('defaults high enough for the test suites and reads RATE_LIMIT_PER_MINUTE', () => {
    expect(loadRateLimits({})).toEqual({ perUserPerMinute: 1200, perIpPerMinute: 6000 });
    expect(loadRateLimits({ RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_PER_IP_PER_MINUTE: '100' })).toEqual({ perUserPerMinute: 60, perIpPerMinute: 100 });
    expect(() => loadRateLimits({ RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
  });
});

describe('rateLimitMiddleware', () => {
  function app(perUser: number, perIp: number) {
    let now = 0;
    const a = express();
    a.use(
      rateLimitMiddleware({
        perUser: new TokenBucketLimiter(perUser, () => now),
        perIp: new TokenBucketLimiter(perIp, () => now),
        userOf: (req) => req.header('x-user') ?? null,
      }),
    );
    a.post('/graphql', (_req, res) => {
      res.json({ data: { ok: true } });
    });
    return { app: a, advance: (ms: number) => (now += ms) };
  }

  it('answers 429 with Retry-After and a coded RATE_LIMITED error when a user exceeds the limit', async () => {
    const { app: a, advance } = app(2, 100);
    await request(a).post('/graphql').set('x-user', 'u1').expect(200);
    await request(a).post('/graphql').set('x-user', 'u1').expect(200);
    const refused = await request(a).post('/graphql').set('x-user', 'u1').expect(429);
    expect(refused.headers['retry-after']).toBe('30');
    expect(refused.headers['content-type']).toMatch(/json/);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      scope: 'user',
      limit: 2,
      retryAfterSeconds: 30,
      messageZh: '请求过于频繁：每分钟上限 2 次，请 30 秒后重试',
      messageEn: 'Too many requests: the limit is 2 per minute; retry in 30 s',
    });
    // another user behind the same IP is not affected
    await request(a).post('/graphql').set('x-user', 'u2').expect(200);
    advance(30_000);
    await request(a).post('/graphql').set('x-user', 'u1').expect(200);
  });

  it('limits per IP, including anonymous callers', async () => {
    const { app: a } = app(100, 3);
    for (let i = 0; i < 3; i++) await request(a).post('/graphql').expect(200);
    const refused = await request(a).post('/graphql').set('x-user', 'someone').expect(429);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', scope: 'ip', limit: 3 });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});
