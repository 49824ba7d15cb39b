interface Pending<T> {
  result: Promise<T>;
  followers: number;
  /** Set when the result arrives: whether the first caller may keep the very object (nobody shares it). */
  leaderMayKeep: boolean;
}

/**
 * Runs identical work once while it is in flight and gives every caller its own copy of the
 * answer (Hive Gateway does the same for subgraph requests by default). The answer itself is
 * handed out only when nobody else asked meanwhile, since the gateway merges into the objects
 * it receives; otherwise everyone, the first caller included, gets a structured clone.
 */
export class InflightDeduplicator<T> {
  private readonly pending = new Map<string, Pending<T>>();
  private shared = 0;

  /** How many calls were answered from another call's work so far. */
  sharedCount(): number {
    return this.shared;
  }

  async run(key: string, work: () => Promise<T>): Promise<T> {
    const existing = this.pending.get(key);
    if (existing) {
      existing.followers += 1;
      this.shared += 1;
      return structuredClone(await existing.result);
    }
    const entry: Pending<T> = { followers: 0, leaderMayKeep: false, result: undefined as unknown as Promise<T> };
    // The first reaction to the work: nobody can join after it, and it decides who copies.
    entry.result = work().then(
      (value) => {
        this.pending.delete(key);
        entry.leaderMayKeep = entry.followers === 0;
        return value;
      },
      (error: unknown) => {
        this.pending.delete(key);
        throw error;
      },
    );
    this.pending.set(key, entry);
    const value = await entry.result;
    return entry.leaderMayKeep ? value : structuredClone(value);
  }
}
