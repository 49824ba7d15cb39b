import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { CloudEvent, DEAD_LETTER_REASON_HEADER, deadLetterTopic, formatValidationErrors, validateEvent } from '@lianxiao/contracts';
import { createLogger, Logger } from '../logging';
import type { EventTransport, ReceivedMessage } from './event-transport';
import { InboxRecord } from './inbox-record.entity';
import { backoffDelay, errorMessage, sleep } from './retry-backoff';
import { parseTraceContext, runWithTraceContext } from './trace-context';

export interface InboxHandlerContext {
  /** The transaction the inbox record was written in; write the side effect through it. */
  manager: EntityManager;
  message: ReceivedMessage;
}

/** The side effect of one event. Throwing rolls back the side effect and the inbox record. */
export type InboxHandler = (event: CloudEvent, context: InboxHandlerContext) => Promise<void>;

export interface InboxConsumerOptions {
  /** Consumer name: the consumer group and the `consumer` column of inbox_record. */
  consumer: string;
  topics: readonly string[];
  handler: InboxHandler;
  /** Tries of the handler before the event goes to the dead-letter topic. */
  maxAttempts?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface InboxConsumerStats {
  handled: number;
  duplicates: number;
  retries: number;
  deadLettered: number;
}

class AlreadyHandled extends Error {}

/** True for a primary-key / unique violation on MySQL, MariaDB, SQLite or PostgreSQL. */
export function isDuplicateKeyError(error: unknown): boolean {
  const driverError: unknown = error instanceof QueryFailedError ? error.driverError : error;
  if (typeof driverError !== 'object' || driverError === null) return false;
  const { code, errno } = driverError as { code?: unknown; errno?: unknown };
  return (
    code === 'ER_DUP_ENTRY' ||
    errno === 1062 ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === '23505'
  );
}

/**
 * An idempotent consumer. Each event is validated against its contract (a broken one goes to
 * `<topic>.dlq` with the reason and the consumer goes on), then handled in one transaction that
 * first inserts `(consumer, event id)` into inbox_record and then runs the side effect. A
 * duplicate key on that insert means the event was handled before: it is acknowledged and skipped.
 */
export class InboxConsumer {
  /** Every consumer created in this thread, for /metrics. */
  private static readonly instances = new Set<InboxConsumer>();

  static all(): readonly InboxConsumer[] {
    return [...InboxConsumer.instances];
  }

  private readonly log: Logger;
  private lastEventAgeMs: number | null = null;
  private readonly maxAttempts: number;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly counters: InboxConsumerStats = { handled: 0, duplicates: 0, retries: 0, deadLettered: 0 };

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    private readonly options: InboxConsumerOptions,
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.initialBackoffMs = options.initialBackoffMs ?? 200;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.log = createLogger('events.inbox').child({ consumer: options.consumer });
    InboxConsumer.instances.add(this);
  }

  /** How old (by its CloudEvent `time`) the last handled event was when it was handled; null before the first. */
  lagMs(): number | null {
    return this.lastEventAgeMs;
  }

  get name(): string {
    return this.options.consumer;
  }

  start(): Promise<void> {
    return this.transport.subscribe(this.options.consumer, this.options.topics, (message) =>
      // The producer's trace goes on in the side effect (and in the events it appends).
      runWithTraceContext(parseTraceContext(message.headers?.traceparent, message.headers?.tracestate), () => this.receive(message)),
    );
  }

  stats(): InboxConsumerStats {
    return { ...this.counters };
  }

  /** Handles one delivered message; resolves when it is handled, skipped or dead-lettered. */
  async receive(message: ReceivedMessage): Promise<void> {
    const event = this.parse(message);
    if (typeof event === 'string') {
      await this.deadLetter(message, event);
      return;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.applyOnce(event, message);
        if (outcome === 'duplicate') this.counters.duplicates += 1;
        else this.counters.handled += 1;
        const time = Date.parse(event.time ?? '');
        if (!Number.isNaN(time)) this.lastEventAgeMs = Math.max(0, Date.now() - time);
        return;
      } catch (error) {
        if (attempt >= this.maxAttempts) {
          await this.deadLetter(message, `handler failed ${attempt} times: ${errorMessage(error)}`);
          return;
        }
        this.counters.retries += 1;
        const delay = backoffDelay(attempt, this.initialBackoffMs, this.maxBackoffMs);
        this.log.warn({ eventId: event.id, type: event.type, attempt, retryInMs: delay, err: errorMessage(error) }, 'event handler failed; retrying');
        await sleep(delay);
      }
    }
  }

  /** The event, or why it cannot be handled. */
  private parse(message: ReceivedMessage): CloudEvent | string {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.value);
    } catch (error) {
      return `not a JSON CloudEvent: ${errorMessage(error)}`;
    }
    const errors = validateEvent(parsed);
    if (errors.length) return `contract violation: ${formatValidationErrors(errors)}`;
    const event = parsed as CloudEvent;
    if (event.type !== message.topic) return `event type ${event.type} does not belong on topic ${message.topic}`;
    return event;
  }

  private async applyOnce(event: CloudEvent, message: ReceivedMessage): Promise<'handled' | 'duplicate'> {
    try {
      await this.dataSource.transaction(async (manager) => {
        try {
          // Insert first (never check-then-insert): the primary key decides who handles it.
          await manager.insert(InboxRecord, { consumer: this.options.consumer, eventId: event.id, topic: message.topic, handledAt: new Date() });
        } catch (error) {
          if (isDuplicateKeyError(error)) throw new AlreadyHandled();
          throw error;
        }
        await this.options.handler(event, { manager, message });
      });
      return 'handled';
    } catch (error) {
      if (error instanceof AlreadyHandled) {
        this.log.debug({ eventId: event.id, type: event.type }, 'event already handled; skipped');
        return 'duplicate';
      }
      throw error;
    }
  }

  /** Rejects only when the dead-letter topic cannot be written, so the transport redelivers. */
  private async deadLetter(message: ReceivedMessage, reason: string): Promise<void> {
    const clipped = reason.length > 2000 ? `${reason.slice(0, 1997)}...` : reason;
    await this.transport.publish([
      {
        topic: deadLetterTopic(message.topic),
        key: message.key,
        value: message.value,
        headers: {
          ...(message.headers ?? {}),
          [DEAD_LETTER_REASON_HEADER]: clipped,
          'x-dlq-consumer': this.options.consumer,
          'x-dlq-original-partition': String(message.partition),
          'x-dlq-original-offset': message.offset,
        },
      },
    ]);
    this.counters.deadLettered += 1;
    this.log.warn({ topic: message.topic, key: message.key, offset: message.offset, reason: clipped }, 'event dead-lettered');
  }
}
