import type { Server } from 'node:http';
import express from 'express';
import request from 'supertest';
import { metricsRegistry } from '@lianxiao/platform';
import { type LoadShedder, type LoadShedderOptions, loadShedderMiddleware } from './load-shedder';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A server behind the shedder whose requests stay open until the test releases them, oldest first. */
async function withShedder(options: LoadShedderOptions, test: (server: Server, shedder: LoadShedder, releaseOldest: () => void) => Promise<void>): Promise<void> {
  const shedder = loadShedderMiddleware(options);
  const open: (() => void)[] = [];
  const app = express();
  app.use(shedder);
  app.get('/', (_req, res) => { open.push(() => res.send('ok')); });
  const server = app.listen(0);
  try {
    await test(server, shedder, () => open.shift()?.());
  } finally {
    open.splice(0).forEach((release) => release());
    shedder.close();
    server.closeAllConnections();
    server.close();
  }
}

describe('load shedder', () => {
  it('refuses at once with 503, Retry-After and a bilingual code when the in-flight limit is reached', () =>
    withShedder({ maxInFlight: 2, maxEventLoopDelayMs: 10_000 }, async (server, shedder, releaseOldest) => {
      const slow = [request(server).get('/'), request(server).get('/')].map((r) => r.then((x) => x));
      await pause(100);
      expect(shedder.inFlight()).toBe(2);
      const refused = await request(server).get('/');
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.body.errors[0].extensions).toMatchObject({ code: 'OVERLOADED', limit: 2 });
      expect(refused.body.errors[0].extensions.messageZh).toContain('系统繁忙');
      // An operator sees it on /metrics: the refusal by reason, and the admission state now.
      const metrics = await metricsRegistry().metrics();
      expect(metrics).toMatch(/lianxiao_gateway_requests_shed_total\{reason="OVERLOADED"\} [1-9]/);
      expect(metrics).toContain('lianxiao_gateway_admission{state="in_flight"} 2');
      expect(metrics).toContain('lianxiao_gateway_admission{state="limit"} 2');
      releaseOldest();
      releaseOldest();
      expect((await Promise.all(slow)).map((r) => r.status)).toEqual([200, 200]);
      expect(shedder.inFlight()).toBe(0);
    }));

  it('queues a request while the limit is reached and serves it when a slot frees', () =>
    withShedder({ maxInFlight: 1, maxEventLoopDelayMs: 10_000, maxQueueWaitMs: 5_000, maxQueued: 10 }, async (server, shedder, releaseOldest) => {
      const first = request(server).get('/').then((x) => x);
      await pause(100);
      const second = request(server).get('/').then((x) => x);
      await pause(100);
      expect([shedder.inFlight(), shedder.queued()]).toEqual([1, 1]);
      releaseOldest();
      expect((await first).status).toBe(200);
      await pause(100);
      expect([shedder.inFlight(), shedder.queued()]).toEqual([1, 0]);
      releaseOldest();
      expect((await second).text).toBe('ok');
    }));

  it('refuses a request that waited longer than the queue limit, fast, with OVERLOADED_QUEUE_WAIT in zh and en', () =>
    withShedder({ maxInFlight: 1, maxEventLoopDelayMs: 10_000, maxQueueWaitMs: 150, maxQueued: 10 }, async (server, shedder, releaseOldest) => {
      const first = request(server).get('/').then((x) => x);
      await pause(100);
      const startedAt = Date.now();
      const waited = await request(server).get('/');
      expect(Date.now() - startedAt).toBeLessThan(1000);
      expect(waited.status).toBe(503);
      expect(waited.headers['retry-after']).toBe('1');
      expect(waited.body.errors[0].extensions).toMatchObject({ code: 'OVERLOADED_QUEUE_WAIT', limit: 150 });
      expect(waited.body.errors[0].extensions.found).toBeGreaterThanOrEqual(150);
      expect(waited.body.errors[0].extensions.messageZh).toContain('排队');
      expect(shedder.queued()).toBe(0);
      releaseOldest();
      expect((await first).status).toBe(200);
    }));

  it('refuses at once a request that would wait past the queue limit, given how long requests take to serve', () =>
    withShedder({ maxInFlight: 1, maxEventLoopDelayMs: 10_000, maxQueueWaitMs: 150, maxQueued: 10 }, async (server, shedder, releaseOldest) => {
      // Requests here take about 250 ms to serve: one waiting behind one in flight would wait ~250 ms.
      for (let i = 0; i < 2; i++) {
        const served = request(server).get('/').then((x) => x);
        await pause(250);
        releaseOldest();
        expect((await served).status).toBe(200);
      }
      const inFlight = request(server).get('/').then((x) => x);
      await pause(50);
      const startedAt = Date.now();
      const refused = await request(server).get('/');
      expect(Date.now() - startedAt).toBeLessThan(100);
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.body.errors[0].extensions).toMatchObject({ code: 'OVERLOADED', limit: 1 });
      expect(shedder.queued()).toBe(0);
      releaseOldest();
      expect((await inFlight).status).toBe(200);
    }));
});
