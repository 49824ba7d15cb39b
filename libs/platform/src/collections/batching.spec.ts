import { chunks, mapWithConcurrency } from './batching';

describe('batching', () => {
  it('cuts a list into slices of at most the size, in order', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 2)).toEqual([]);
    expect(() => chunks([1], 0)).toThrow(RangeError);
  });

  it('runs at most the limit at once and keeps the results in the items’ order', async () => {
    let running = 0;
    let most = 0;
    const results = await mapWithConcurrency([30, 5, 20, 1, 10, 2], 3, async (ms, i) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, ms));
      running -= 1;
      return i * 10;
    });
    expect(results).toEqual([0, 10, 20, 30, 40, 50]);
    expect(most).toBe(3);
  });

  it('gives back the first failure', async () => {
    await expect(mapWithConcurrency([1, 2], 2, async (n) => { if (n === 2) throw new Error('boom'); return n; })).rejects.toThrow('boom');
  });
});
