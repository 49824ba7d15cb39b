import { AdaptiveConcurrencyLimit } from './adaptive-concurrency-limit';

describe('adaptive concurrency limit', () => {
  const at = (clock: { now: number }) => () => clock.now;

  it('shrinks by a quarter when a request is slower than the target, once per target interval, never below the minimum', () => {
    const clock = { now: 0 };
    const limit = new AdaptiveConcurrencyLimit({ max: 64, min: 4, initial: 16, targetLatencyMs: 400 }, at(clock));
    limit.record(900, 16);
    expect(limit.current()).toBe(12);
    limit.record(900, 12); // the same slow burst: counted once
    expect(limit.current()).toBe(12);
    for (let i = 0; i < 20; i++) {
      clock.now += 500;
      limit.record(900, 10);
    }
    expect(limit.current()).toBe(4);
  });

  it('grows about one slot per limit of fast requests while the limit is reached, never above the maximum', () => {
    const limit = new AdaptiveConcurrencyLimit({ max: 20, min: 4, initial: 16, targetLatencyMs: 400 });
    for (let i = 0; i < 17; i++) limit.record(50, 16);
    expect(limit.current()).toBe(17);
    limit.record(50, 3); // fast but far from the limit: no reason to grow
    expect(limit.current()).toBe(17);
    for (let i = 0; i < 500; i++) limit.record(50, limit.current());
    expect(limit.current()).toBe(20);
  });
});
