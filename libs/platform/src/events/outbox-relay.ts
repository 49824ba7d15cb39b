import { DataSource, EntityManager, IsNull, QueryRunner } from 'typeorm';
import { createLogger, Logger } from '../logging';
import type { EventTransport, TransportMessage } from './event-transport';
import { OutboxEvent } from './outbox-event.entity';
import { backoffDelay, errorMessage } from './retry-backoff';
import { markAttemptFailed, markPublished, seqRanges } from './outbox-marks';
import { RelaySessionPool } from './relay-session-pool';

export { seqRanges } from './outbox-marks';

/**
 * Rows per claim. 500 amortises the claim, order check and mark statements (bench:events at 20,000
 * events: batches of 200 gave a relay/raw ratio of 0.47, 500 gave 0.73); publishing splits a
 * batch into requests the broker accepts (publish-chunks.ts), and at low rates batches are partial.
 */
export const DEFAULT_RELAY_BATCH = 500;

export interface OutboxRelayOptions {
  /** Rows claimed and published per round. */
  batchSize?: number;
  /** Pause when the outbox is empty. */
  pollIntervalMs?: number;
  /** Longest pause between attempts while the broker is unreachable. */
  maxBackoffMs?: number;
  /** Shown in logs (e.g. the service name). */
  name?: string;
}

export interface OutboxRelayStatus {
  running: boolean;
  published: number;
  consecutiveFailures: number;
  lastError: string | null;
  lastPublishedAt: Date | null;
}

interface ClaimedRow {
  seq: number;
  topic: string;
  messageKey: string;
  payload: string;
  headers: Record<string, string> | null;
}

/** A batch claimed in its own open transaction (MySQL pipeline): locked until marked or released. */
interface Claim {
  runner: QueryRunner;
  claimed: number;
  rows: ClaimedRow[];
}

interface RoundResult {
  claimed: number;
  published: number;
  error?: unknown;
}

/**
 * Publishes outbox rows in `seq` order and marks them only after the broker acknowledged them.
 *
 * MySQL/MariaDB: each round claims rows with `SELECT … FOR UPDATE SKIP LOCKED` in a READ COMMITTED
 * transaction (no gap locks, so user transactions inserting new rows never wait for the relay),
 * so several replicas share the work. A replica holds back any row whose key still has an earlier
 * unpublished row outside its batch, which keeps the order per key across replicas.
 * SQLite: one relay per database file; no locking clause, and no transaction held while publishing.
 *
 * On MySQL the running relay is a three-stage pipeline over two connections and the broker: while
 * batch N is on its way to the broker, batch N+1 is claimed (its own transaction) and batch N-1,
 * already acknowledged, is marked and committed. Batches are still published one after the other,
 * so rows of one key reach the broker in seq order; a row is still marked only after the broker
 * acknowledged it; a failed publish releases the batch claimed behind it unpublished.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly log: Logger;
  private readonly locking: boolean;
  /** The MySQL pipeline's own connections, each holding at most one claim's transaction. */
  private readonly sessions: RelaySessionPool;
  private loop: Promise<void> | undefined;
  private running = false;
  private wakeUp: (() => void) | undefined;
  private state: OutboxRelayStatus = { running: false, published: 0, consecutiveFailures: 0, lastError: null, lastPublishedAt: null };

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_RELAY_BATCH;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.log = createLogger('events.outbox-relay').child({ relay: options.name ?? 'outbox' });
    const type = dataSource.options.type;
    this.locking = type === 'mysql' || type === 'mariadb';
    this.sessions = new RelaySessionPool(dataSource);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.state.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.state.running = false;
    this.wakeUp?.();
    await this.loop;
    this.loop = undefined;
  }

  /** Publish now instead of at the next poll (e.g. right after a commit). */
  wake(): void {
    this.wakeUp?.();
  }

  status(): OutboxRelayStatus {
    return { ...this.state };
  }

  /** For /health and metrics: status plus backlog and lag. */
  async health(): Promise<OutboxRelayStatus & { backlog: number; lagMs: number }> {
    const [backlog, lagMs] = await Promise.all([this.backlog(), this.lagMs()]);
    return { ...this.status(), backlog, lagMs };
  }

  /** Rows not yet published. */
  backlog(): Promise<number> {
    return this.dataSource.getRepository(OutboxEvent).count({ where: { publishedAt: IsNull() } });
  }

  /** Age of the oldest unpublished row in ms; 0 when the outbox is drained. */
  async lagMs(): Promise<number> {
    const oldest = await this.dataSource.getRepository(OutboxEvent).findOne({
      select: { seq: true, createdAt: true },
      where: { publishedAt: IsNull() },
      order: { seq: 'ASC' },
    });
    return oldest ? Math.max(0, Date.now() - oldest.createdAt.getTime()) : 0;
  }

  /** One round: claim a batch, publish it, mark it. Returns how many rows were published. */
  async publishBatch(): Promise<number> {
    return (await this.executeRound()).published;
  }

  private async executeRound(): Promise<RoundResult> {
    const result = this.locking
      ? await this.dataSource.transaction('READ COMMITTED', (manager) => this.round(manager))
      : await this.round(this.dataSource.manager);
    if (result.error !== undefined) throw result.error;
    return result;
  }

  private async run(): Promise<void> {
    if (this.locking) return this.runPipelined();
    while (this.running) {
      let delay = this.pollIntervalMs;
      try {
        const result = await this.executeRound();
        if (this.state.consecutiveFailures > 0) {
          this.log.info({ failedRounds: this.state.consecutiveFailures }, 'publishing resumed');
        }
        this.state.consecutiveFailures = 0;
        this.state.lastError = null;
        // A full batch means more may be waiting, unless everything was held back.
        if (result.published > 0 && result.claimed >= this.batchSize) delay = 0;
      } catch (error) {
        const failures = ++this.state.consecutiveFailures;
        this.state.lastError = errorMessage(error);
        delay = backoffDelay(failures, 200, this.maxBackoffMs);
        // Never thrown to callers: the outbox keeps the events until the broker is back.
        if (failures === 1 || failures % 10 === 0) {
          this.log.warn({ err: this.state.lastError, failures, retryInMs: delay }, 'cannot publish outbox events; retrying');
        }
      }
      if (delay > 0 && this.running) await this.idle(delay);
    }
  }

  /** Acknowledged batches being marked at the same time (each holds a connection). */
  private static readonly MAX_MARKING = 2;

  /** Rows this relay claimed and has not yet marked or released; they go out before any later claim. */
  private readonly inFlight = new Set<number>();

  /** The MySQL loop: publish N while claiming N+1 and marking N-1 (see the class comment). */
  private async runPipelined(): Promise<void> {
    const marking = new Set<Promise<void>>();
    let next: Promise<Claim | null> | null = null;
    while (this.running) {
      let delay = this.pollIntervalMs;
      let current: Claim | null = null;
      try {
        current = await (next ?? this.openClaim());
        next = null;
        if (current && current.rows.length) {
          // A full batch means more is waiting: claim it while this one travels.
          if (current.claimed >= this.batchSize && this.running) next = this.openClaim();
          try {
            await this.transport.publish(this.messagesOf(current.rows));
          } catch (error) {
            await this.releaseClaim(await next?.catch(() => null));
            next = null;
            await this.recordFailure(current, error);
            current = null;
            throw error;
          }
          const published = current;
          current = null;
          // Marks overlap (different rows, each its own transaction), but only so many at once.
          while (marking.size >= OutboxRelay.MAX_MARKING) await Promise.race(marking);
          const mark = this.markAndCommit(published).finally(() => marking.delete(mark));
          marking.add(mark);
          this.noteSuccess();
          delay = next ? 0 : this.pollIntervalMs;
        } else {
          const held = current ? current.claimed : 0;
          await this.releaseClaim(current, true);
          current = null;
          this.noteSuccess();
          if (held >= this.batchSize) delay = this.pollIntervalMs;
        }
      } catch (error) {
        await this.releaseClaim(current);
        delay = this.noteFailure(error);
      }
      if (delay > 0 && this.running) await this.idle(delay);
    }
    await this.releaseClaim(await next?.catch(() => null));
    await Promise.all(marking);
    await this.sessions.drain();
  }

  private noteSuccess(): void {
    if (this.state.consecutiveFailures > 0) this.log.info({ failedRounds: this.state.consecutiveFailures }, 'publishing resumed');
    this.state.consecutiveFailures = 0;
    this.state.lastError = null;
  }

  /** Records a failed round and returns the back-off before the next one. */
  private noteFailure(error: unknown): number {
    const failures = ++this.state.consecutiveFailures;
    this.state.lastError = errorMessage(error);
    const delay = backoffDelay(failures, 200, this.maxBackoffMs);
    // Never thrown to callers: the outbox keeps the events until the broker is back.
    if (failures === 1 || failures % 10 === 0) {
      this.log.warn({ err: this.state.lastError, failures, retryInMs: delay }, 'cannot publish outbox events; retrying');
    }
    return delay;
  }

  /** Claims the next batch in a transaction left open (rows stay locked), in key order. */
  private async openClaim(): Promise<Claim | null> {
    const runner = await this.sessions.acquire();
    try {
      const claimed = await this.claim(runner.manager);
      const rows = claimed.length ? await this.inKeyOrder(runner.manager, claimed, this.inFlight) : [];
      for (const row of rows) this.inFlight.add(row.seq);
      return { runner, claimed: claimed.length, rows };
    } catch (error) {
      await this.sessions.giveBack(runner, await this.sessions.endTransaction(runner, 'ROLLBACK'), this.running);
      throw error;
    }
  }

  /** Ends a claim without publishing: its rows stay unpublished for the next round. */
  private async releaseClaim(claim: Claim | null | undefined, commit = false): Promise<void> {
    if (!claim) return;
    for (const row of claim.rows) this.inFlight.delete(row.seq);
    await this.sessions.giveBack(claim.runner, await this.sessions.endTransaction(claim.runner, commit ? 'COMMIT' : 'ROLLBACK'), this.running);
  }

  private async recordFailure(claim: Claim, error: unknown): Promise<void> {
    try {
      await markAttemptFailed(claim.runner.manager, claim.rows.map((r) => r.seq), error);
      await this.releaseClaim(claim, true);
    } catch {
      await this.releaseClaim(claim);
    }
  }

  /**
   * Marks an acknowledged batch and commits. Never rejects: if the database fails here the rows
   * stay unpublished and go out again (at least once; consumers drop the repeat by event id).
   */
  private async markAndCommit(claim: Claim): Promise<void> {
    const now = new Date();
    let healthy = true;
    try {
      await markPublished(claim.runner.manager, claim.rows.map((r) => r.seq), now);
      await claim.runner.query('COMMIT');
      this.state.published += claim.rows.length;
      this.state.lastPublishedAt = now;
    } catch (error) {
      this.log.warn({ err: errorMessage(error), rows: claim.rows.length }, 'published rows could not be marked; they will be published again');
      healthy = await this.sessions.endTransaction(claim.runner, 'ROLLBACK');
    } finally {
      for (const row of claim.rows) this.inFlight.delete(row.seq);
      await this.sessions.giveBack(claim.runner, healthy, this.running);
    }
  }

  private messagesOf(rows: readonly ClaimedRow[]): TransportMessage[] {
    return rows.map((r) => ({ topic: r.topic, key: r.messageKey, value: r.payload, headers: r.headers ?? undefined }));
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private async round(manager: EntityManager): Promise<RoundResult> {
    const claimed = await this.claim(manager);
    if (!claimed.length) return { claimed: 0, published: 0 };
    const rows = this.locking ? await this.inKeyOrder(manager, claimed) : claimed;
    if (!rows.length) return { claimed: claimed.length, published: 0 };
    const seqs = rows.map((r) => r.seq);
    try {
      await this.transport.publish(this.messagesOf(rows));
    } catch (error) {
      await markAttemptFailed(manager, seqs, error);
      return { claimed: claimed.length, published: 0, error };
    }
    // Only now, after the broker acknowledged every message, are the rows marked.
    const now = new Date();
    await markPublished(manager, seqs, now);
    this.state.published += rows.length;
    this.state.lastPublishedAt = now;
    return { claimed: claimed.length, published: rows.length };
  }

  private async claim(manager: EntityManager): Promise<ClaimedRow[]> {
    if (!this.locking) {
      const rows = await manager.getRepository(OutboxEvent).find({
        select: { seq: true, topic: true, messageKey: true, payload: true, headers: true },
        where: { publishedAt: IsNull() },
        order: { seq: 'ASC' },
        take: this.batchSize,
      });
      return rows;
    }
    const raw: { seq: number | string; topic: string; messageKey: string; payload: string; headers: string | null }[] = await manager.query(
      'SELECT seq, topic, messageKey, payload, headers FROM outbox_event WHERE publishedAt IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED',
      [this.batchSize],
    );
    return raw.map((r) => ({
      seq: Number(r.seq),
      topic: r.topic,
      messageKey: r.messageKey,
      payload: r.payload,
      headers: r.headers ? (JSON.parse(r.headers) as Record<string, string>) : null,
    }));
  }

  /**
   * Drops claimed rows that would overtake an earlier unpublished row of the same key held by
   * another replica (or committed late). `ahead` are rows this relay publishes before this batch.
   * The read is not locking: a row another relay holds still reads as unpublished, so the check
   * errs on waiting. It asks only for the unpublished rows up to the batch's end that are neither
   * claimed here nor ahead (excluded as seq ranges), usually none; keys are compared here.
   */
  private async inKeyOrder(manager: EntityManager, claimed: ClaimedRow[], ahead: ReadonlySet<number> = new Set()): Promise<ClaimedRow[]> {
    const maxSeq = claimed[claimed.length - 1].seq;
    const known = claimed.map((r) => r.seq);
    for (const seq of ahead) if (seq < maxSeq) known.push(seq);
    const ranges = seqRanges(known);
    let foreign: { seq: number | string; messageKey: string }[];
    if (ranges.length <= 64) {
      foreign = await manager.query(
        `SELECT seq, messageKey FROM outbox_event WHERE publishedAt IS NULL AND seq <= ? AND NOT (${ranges.map(() => 'seq BETWEEN ? AND ?').join(' OR ')})`,
        [maxSeq, ...ranges.flat()],
      );
    } else {
      const mine = new Set(known);
      const keys = [...new Set(claimed.map((r) => r.messageKey))];
      const pending: { seq: number | string; messageKey: string }[] = await manager.query(
        `SELECT seq, messageKey FROM outbox_event WHERE publishedAt IS NULL AND seq <= ? AND messageKey IN (${keys.map(() => '?').join(',')})`,
        [maxSeq, ...keys],
      );
      foreign = pending.filter((r) => !mine.has(Number(r.seq)));
    }
    if (!foreign.length) return claimed;
    // A key is blocked from its first foreign row on.
    const blockedFrom = new Map<string, number>();
    for (const row of foreign) {
      const seq = Number(row.seq);
      const from = blockedFrom.get(row.messageKey);
      if (from === undefined || seq < from) blockedFrom.set(row.messageKey, seq);
    }
    const rows = claimed.filter((r) => {
      const from = blockedFrom.get(r.messageKey);
      return from === undefined || r.seq < from;
    });
    if (rows.length < claimed.length) {
      this.log.debug({ heldBack: claimed.length - rows.length }, 'held back rows behind an earlier row of the same key');
    }
    return rows;
  }
}
