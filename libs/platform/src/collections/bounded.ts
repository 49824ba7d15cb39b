/**
 * Adds to a memo that keeps at most `max` entries, dropping the oldest first (insertion order):
 * a bounded memo of things already checked, not a store.
 */
export function setBounded<K>(memo: Set<K>, key: K, max: number): void;
export function setBounded<K, V>(memo: Map<K, V>, key: K, max: number, value: V): void;
export function setBounded<K, V>(memo: Set<K> | Map<K, V>, key: K, max: number, value?: V): void {
  if (!memo.has(key) && memo.size >= max) memo.delete(memo.keys().next().value as K);
  if (memo instanceof Map) memo.set(key, value as V);
  else memo.add(key);
}
