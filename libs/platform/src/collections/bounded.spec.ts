import { setBounded } from './bounded';

describe('setBounded', () => {
  it('keeps at most max entries, dropping the oldest first', () => {
    const seen = new Set<string>();
    for (const key of ['a', 'b', 'c']) setBounded(seen, key, 2);
    expect([...seen]).toEqual(['b', 'c']);
    const values = new Map<string, number>();
    setBounded(values, 'a', 2, 1);
    setBounded(values, 'b', 2, 2);
    setBounded(values, 'a', 2, 3); // already there: replaced, nothing dropped
    setBounded(values, 'c', 2, 4);
    expect([...values]).toEqual([['b', 2], ['c', 4]]);
  });
});
