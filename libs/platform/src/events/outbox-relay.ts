import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { createLogger, Logger } from '../logging';
import type { EventTransport, TransportMessage } from './event-transport';
import { OutboxEvent } from './outbox-event.entity';
import { backoffDelay, errorMessage } from './retry-backoff';

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
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly log: Logger;
  private readonly locking: boolean;
  private loop: Promise<void> | undefined;
  private running = false;
  private wakeUp: (() => void) | undefined;
  private state: OutboxRelayStatus = { running: false, published: 0, consecutiveFailures: 0, lastError: null, lastPublishedAt: null };

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.log = createLogger('events.outbox-relay').child({ relay: options.name ?? 'outbox' });
    const type = dataSource.options.type;
    this.locking = type === 'mysql' || type === 'mariadb';
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
    const messages: TransportMessage[] = rows.map((r) => ({
      topic: r.topic,
      key: r.messageKey,
      value: r.payload,
      headers: r.headers ?? undefined,
    }));
    try {
      await this.transport.publish(messages);
    } catch (error) {
      await manager
        .createQueryBuilder()
        .update(OutboxEvent)
        .set({ attempts: () => 'attempts + 1', lastError: errorMessage(error).slice(0, 2000) })
        .where({ seq: In(seqs) })
        .execute();
      return { claimed: claimed.length, published: 0, error };
    }
    // Only now, after the broker acknowledged every message, are the rows marked.
    const now = new Date();
    await manager
      .createQueryBuilder()
      .update(OutboxEvent)
      .set({ publishedAt: now, attempts: () => 'attempts + 1', lastError: null })
      .where({ seq: In(seqs) })
      .execute();
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
   * another replica (or committed late). The read is not locking: a row another relay holds still
   * reads as unpublished, so the check errs on waiting.
   */
  private async inKeyOrder(manager: EntityManager, claimed: ClaimedRow[]): Promise<ClaimedRow[]> {
    const mine = new Set(claimed.map((r) => r.seq));
    const keys = [...new Set(claimed.map((r) => r.messageKey))];
    const maxSeq = claimed[claimed.length - 1].seq;
    const pending: { seq: number | string; messageKey: string }[] = await manager.query(
      `SELECT seq, messageKey FROM outbox_event WHERE publishedAt IS NULL AND seq <= ? AND messageKey IN (${keys.map(() => '?').join(',')}) ORDER BY seq`,
      [maxSeq, ...keys],
    );
    const blocked = new Set<string>();
    const allowed = new Set<number>();
    for (const row of pending) {
      const seq = Number(row.seq);
      if (blocked.has(row.messageKey)) continue;
      if (mine.has(seq)) allowed.add(seq);
      else blocked.add(row.messageKey);
    }
    const rows = claimed.filter((r) => allowed.has(r.seq));
    if (rows.length < claimed.length) {
      this.log.debug({ heldBack: claimed.length - rows.length }, 'held back rows behind an earlier row of the same key');
    }
    return rows;
  }
}
