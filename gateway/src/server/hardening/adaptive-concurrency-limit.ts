export interface AdaptiveConcurrencyLimitOptions {
  /** The limit never grows above this. */
  max: number;
  /** The limit never shrinks below this. */
  min: number;
  /** Where the limit starts. */
  initial: number;
  /** A request served slower than this is a sign of too much concurrent work. */
  targetLatencyMs: number;
}

/**
 * Additive-increase, multiplicative-decrease concurrency limit (as TCP congestion control, and
 * Netflix's concurrency-limits "AIMD"): a request that took longer than the target shrinks the
 * limit by a quarter, at most once per target-latency interval so one slow burst counts once; a
 * fast request completed while the limit was reached grows it by 1/limit, about one slot per
 * limit's worth of requests. It finds the concurrency the machine behind the gateway can serve
 * within the target, whatever that machine is.
 */
export class AdaptiveConcurrencyLimit {
  private limit: number;
  private lastDecreaseAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: AdaptiveConcurrencyLimitOptions, private readonly now: () => number = () => performance.now()) {
    this.limit = Math.max(options.min, Math.min(options.max, options.initial));
  }

  /** Whole requests that may run at once now. */
  current(): number {
    return Math.floor(this.limit);
  }

  /** One request finished after `latencyMs`, with `running` requests (itself included) running when it did. */
  record(latencyMs: number, running: number): void {
    if (latencyMs > this.options.targetLatencyMs) {
      const now = this.now();
      if (now - this.lastDecreaseAt < this.options.targetLatencyMs) return;
      this.lastDecreaseAt = now;
      this.limit = Math.max(this.options.min, this.limit * 0.75);
      return;
    }
    if (running >= this.current()) this.limit = Math.min(this.options.max, this.limit + 1 / this.limit);
  }
}
