/**
 * Ids in an `IN (…)` list, rows in a multi-row INSERT: 500 stays well under SQLite's and MySQL's
 * bound-parameter limits for the column counts we write.
 */
export const DEFAULT_CHUNK = 500;

/** The list cut into consecutive slices of at most `size` items. */
export function chunks<T>(items: readonly T[], size = DEFAULT_CHUNK): T[][] {
  if (!(size >= 1)) throw new RangeError(`chunk size must be at least 1, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * `work` for every item, at most `limit` at once, results in the items' order. For slow outside
 * calls (mail, webhooks): a thousand of them neither wait on each other in turn nor all start at once.
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}
