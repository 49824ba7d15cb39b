import express from 'express';
import request from 'supertest';
import { loadShedderMiddleware } from './load-shedder';

describe('load shedder', () => {
  it('refuses at once with 503, Retry-After and a bilingual code when the in-flight limit is reached', async () => {
    const shedder = loadShedderMiddleware({ maxInFlight: 2, maxEventLoopDelayMs: 10_000 });
    const release: (() => void)[] = [];
    const app = express();
    app.use(shedder);
    app.get('/', (_req, res) => { release.push(() => res.send('ok')); });
    const server = app.listen(0);
    try {
      const slow = [request(server).get('/'), request(server).get('/')].map((r) => r.then((x) => x));
      await new Promise((r) => setTimeout(r, 100));
      expect(shedder.inFlight()).toBe(2);
      const refused = await request(server).get('/');
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.body.errors[0].extensions).toMatchObject({ code: 'OVERLOADED', limit: 2 });
      expect(refused.body.errors[0].extensions.messageZh).toContain('系统繁忙');
      release.splice(0).forEach((f) => f());
      expect((await Promise.all(slow)).map((r) => r.status)).toEqual([200, 200]);
      expect(shedder.inFlight()).toBe(0);
    } finally {
      release.splice(0).forEach((f) => f());
      shedder.close();
      server.closeAllConnections();
      server.close();
    }
  });
});
