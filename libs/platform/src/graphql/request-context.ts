import type { Request } from 'express';
import DataLoader from 'dataloader';
import { Caller } from '../auth/caller';

/** The GraphQL context of one request in a subgraph. Loaders live exactly as long as it. */
export interface RequestContext {
  req: Request;
  caller: Caller | null;
  requestId?: string;
  loaders: Map<string, DataLoader<unknown, unknown>>;
}

/**
 * A per-request DataLoader under `key`, created on first use. Use it for every
 * `__resolveReference` and every list field so a page of N entities costs one query per type.
 */
export function requestLoader<K, V>(
  ctx: RequestContext,
  key: string,
  batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
): DataLoader<K, V> {
  let loader = ctx.loaders.get(key) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
    ctx.loaders.set(key, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/** Orders rows to match the keys a DataLoader asked for (missing → null). */
export function alignByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map<K, V>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((k) => byKey.get(k) ?? null);
}

/** Groups rows by key for one-to-many fields (missing → []). */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const byKey = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = byKey.get(k);
    if (list) list.push(row);
    else byKey.set(k, [row]);
  }
  return keys.map((k) => byKey.get(k) ?? []);
}
