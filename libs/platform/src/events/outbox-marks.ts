import type { EntityManager } from 'typeorm';
import { OutboxEvent } from './outbox-event.entity';
import { errorMessage } from './retry-backoff';

/** Sorted seqs as inclusive [first, last] runs of consecutive numbers. */
export function seqRanges(seqs: readonly number[]): [number, number][] {
  const sorted = [...seqs].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const seq of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && seq <= last[1] + 1) last[1] = Math.max(last[1], seq);
    else ranges.push([seq, seq]);
  }
  return ranges;
}

/** `seq BETWEEN … OR …` over the runs of `seqs`: a batch of 500 consecutive rows is one range, not 500 parameters. */
function inSeqs(seqs: readonly number[]): [string, Record<string, number>] {
  const ranges = seqRanges(seqs);
  const params: Record<string, number> = {};
  const clauses = ranges.map(([first, last], i) => {
    params[`first${i}`] = first;
    params[`last${i}`] = last;
    return `seq BETWEEN :first${i} AND :last${i}`;
  });
  return [`(${clauses.join(' OR ')})`, params];
}

/**
 * Marks rows the broker acknowledged, in the caller's transaction (SQLite round or MySQL claim).
 * Written once for both, through TypeORM so dates bind on every driver.
 */
export async function markPublished(manager: EntityManager, seqs: readonly number[], at: Date): Promise<void> {
  if (!seqs.length) return;
  const [where, params] = inSeqs(seqs);
  await manager.createQueryBuilder().update(OutboxEvent).set({ publishedAt: at, attempts: () => 'attempts + 1', lastError: null }).where(where, params).execute();
}

/** Counts a failed publish against the rows and keeps its reason; they stay unpublished. */
export async function markAttemptFailed(manager: EntityManager, seqs: readonly number[], error: unknown): Promise<void> {
  if (!seqs.length) return;
  const [where, params] = inSeqs(seqs);
  await manager.createQueryBuilder().update(OutboxEvent).set({ attempts: () => 'attempts + 1', lastError: errorMessage(error).slice(0, 2000) }).where(where, params).execute();
}
