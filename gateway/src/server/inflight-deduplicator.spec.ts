import { InflightDeduplicator } from './inflight-deduplicator';

const later = <T>(value: T, ms = 30) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('in-flight deduplication', () => {
  it('runs identical work once while in flight and gives each caller its own copy', async () => {
    const dedupe = new InflightDeduplicator<{ data: { n: number[] } }>();
    let runs = 0;
    const work = () => { runs += 1; return later({ data: { n: [1, 2] } }); };
    const [a, b, c] = await Promise.all([dedupe.run('k', work), dedupe.run('k', work), dedupe.run('k', work)]);
    expect(runs).toBe(1);
    expect(dedupe.sharedCount()).toBe(2);
    a.data.n.push(3);
    expect(b.data.n).toEqual([1, 2]);
    expect(c.data.n).toEqual([1, 2]);
    expect(a).not.toBe(b);
  });

  it('runs again once the first answer is in, and keeps different keys apart', async () => {
    const dedupe = new InflightDeduplicator<number>();
    let runs = 0;
    const work = () => later(++runs);
    expect(await dedupe.run('k', work)).toBe(1);
    expect(await dedupe.run('k', work)).toBe(2);
    expect(await Promise.all([dedupe.run('x', work), dedupe.run('y', work)])).toEqual([3, 4]);
    expect(dedupe.sharedCount()).toBe(0);
  });

  it('gives every waiter the same failure, and the next call tries again', async () => {
    const dedupe = new InflightDeduplicator<number>();
    const failing = () => later(0).then(() => { throw new Error('subgraph down'); });
    const answers = await Promise.allSettled([dedupe.run('k', failing), dedupe.run('k', failing)]);
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected']);
    expect(await dedupe.run('k', () => later(7))).toBe(7);
  });
});
