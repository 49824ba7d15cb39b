import { Consumer, IHeaders, Kafka, KafkaJSError, LogEntry, logLevel, Partitioners, Producer } from 'kafkajs';
import { createLogger } from '../logging';
import type { EventTransport, MessageHandler, TransportMessage } from './event-transport';
import { backoffDelay, errorMessage, sleep } from './retry-backoff';
import { publishChunks } from './publish-chunks';

export interface KafkaTransportOptions {
  brokers: readonly string[];
  clientId: string;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Partitions handled in parallel by one consumer; order per partition (so per key) holds. */
  partitionsConsumedConcurrently?: number;
  sessionTimeoutMs?: number;
  /** How long subscribe() waits for the first join before going on in the background (5 s). */
  subscribeWaitMs?: number;
  /** kafkajs' own log level, routed to the structured logger. */
  clientLogLevel?: 'error' | 'warn' | 'info' | 'debug';
}

interface ConsumerEntry {
  groupId: string;
  topics: readonly string[];
  handler: MessageHandler;
  consumer?: Consumer;
  restarting: boolean;
}

const log = createLogger('events.kafka');

const LEVELS: Record<NonNullable<KafkaTransportOptions['clientLogLevel']>, logLevel> = {
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

function kafkaLogCreator() {
  return ({ namespace, level, log: entry }: LogEntry) => {
    const { message, timestamp: _timestamp, logger: _logger, ...extra } = entry;
    const fields = { namespace, ...extra };
    if (level === logLevel.ERROR) log.error(fields, message);
    else if (level === logLevel.WARN) log.warn(fields, message);
    else if (level === logLevel.INFO) log.info(fields, message);
    else log.debug(fields, message);
  };
}

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.map(String).join(',') : value.toString();
  }
  return out;
}

/**
 * Kafka through kafkajs. The producer waits for all in-sync replicas (acks -1) and keeps one
 * request in flight so a retried batch cannot overtake the next; it is not kafkajs' idempotent
 * producer (the test cluster cannot serve it, and exactly-once effects come from the outbox and
 * the inbox). Consumers join groups and start a new group from the earliest offset.
 */
export class KafkaTransport implements EventTransport {
  private readonly kafka: Kafka;
  private producer: Producer | undefined;
  private connecting: Promise<Producer> | undefined;
  private readonly consumers: ConsumerEntry[] = [];
  private closed = false;

  constructor(private readonly options: KafkaTransportOptions) {
    if (!options.brokers.length) throw new Error('KafkaTransport needs at least one broker (KAFKA_BROKERS)');
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      connectionTimeout: options.connectionTimeoutMs ?? 3_000,
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      retry: { initialRetryTime: 200, maxRetryTime: 5_000, retries: 8 },
      logLevel: LEVELS[options.clientLogLevel ?? 'warn'],
      logCreator: kafkaLogCreator,
    });
  }

  async publish(messages: readonly TransportMessage[]): Promise<void> {
    if (this.closed) throw new Error('Kafka transport is closed');
    if (!messages.length) return;
    const producer = await this.connectedProducer();
    try {
      // One request after the other (one in flight), so order per key holds across requests.
      for (const chunk of publishChunks(messages)) {
        const byTopic = new Map<string, { key: string; value: string; headers?: Record<string, string> }[]>();
        for (const m of chunk) {
          const list = byTopic.get(m.topic) ?? [];
          list.push({ key: m.key, value: m.value, headers: m.headers });
          byTopic.set(m.topic, list);
        }
        await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, msgs]) => ({ topic, messages: msgs })) });
      }
    } catch (error) {
      // A non-retriable failure may leave the producer unusable; reconnect on the next publish.
      if (error instanceof KafkaJSError && !error.retriable) await this.dropProducer();
      throw error;
    }
  }

  private connectedProducer(): Promise<Producer> {
    if (this.producer) return Promise.resolve(this.producer);
    this.connecting ??= (async () => {
      const producer = this.kafka.producer({
        createPartitioner: Partitioners.DefaultPartitioner,
        allowAutoTopicCreation: true,
        idempotent: false,
        maxInFlightRequests: 1,
      });
      try {
        await producer.connect();
      } catch (error) {
        await producer.disconnect().catch(() => undefined);
        throw error;
      }
      producer.on(producer.events.DISCONNECT, () => {
        if (this.producer === producer) this.producer = undefined;
      });
      this.producer = producer;
      return producer;
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  /**
   * Joins the group. When the brokers cannot be reached the first attempt logs a warning and the
   * consumer keeps trying in the background: a service starts without Kafka and catches up later.
   */
  async subscribe(groupId: string, topics: readonly string[], handler: MessageHandler): Promise<void> {
    if (this.closed) throw new Error('Kafka transport is closed');
    const entry: ConsumerEntry = { groupId, topics, handler, restarting: false };
    this.consumers.push(entry);
    const first = this.startConsumer(entry).then((started) => {
      if (!started) void this.restartConsumer(entry);
      return started;
    });
    // Start-up waits for the first attempt only so long: an unreachable broker never holds a
    // service's boot (kafkajs would retry connecting for a minute); joining goes on in the background.
    const waited = await Promise.race([first, sleep(this.options.subscribeWaitMs ?? 5_000).then(() => 'pending' as const)]);
    if (waited === 'pending') {
      log.warn({ group: groupId, brokers: this.options.brokers }, 'Kafka not reachable yet; the consumer keeps trying to join in the background (check KAFKA_BROKERS)');
    }
  }

  /**
   * Connects the producer once, to tell at start-up whether the brokers answer. Rejects when they
   * do not; nothing depends on it (the relay keeps retrying and the outbox keeps the events).
   */
  async probe(): Promise<void> {
    await this.connectedProducer();
  }

  private async startConsumer(entry: ConsumerEntry): Promise<boolean> {
    const consumer = this.kafka.consumer({
      groupId: entry.groupId,
      allowAutoTopicCreation: true,
      sessionTimeout: this.options.sessionTimeoutMs ?? 10_000,
      heartbeatInterval: 1_000,
      maxWaitTimeInMs: 200,
      retry: { initialRetryTime: 200, maxRetryTime: 5_000, retries: 10 },
    });
    entry.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      log.warn({ group: entry.groupId, err: errorMessage(payload.error), restart: payload.restart }, 'Kafka consumer crashed');
      if (!payload.restart) void this.restartConsumer(entry);
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [...entry.topics], fromBeginning: true });
      await consumer.run({
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
        eachMessage: async ({ topic, partition, message }) => {
          await entry.handler({
            topic,
            partition,
            offset: message.offset,
            key: message.key?.toString() ?? '',
            value: message.value?.toString() ?? '',
            headers: headersOf(message.headers),
          });
        },
      });
      return true;
    } catch (error) {
      log.warn(
        { group: entry.groupId, brokers: this.options.brokers, err: errorMessage(error) },
        'cannot reach Kafka to consume; retrying in the background (check KAFKA_BROKERS)',
      );
      await consumer.disconnect().catch(() => undefined);
      return false;
    }
  }

  private async restartConsumer(entry: ConsumerEntry): Promise<void> {
    if (entry.restarting) return;
    entry.restarting = true;
    try {
      await entry.consumer?.disconnect().catch(() => undefined);
      for (let attempt = 1; !this.closed; attempt++) {
        await sleep(backoffDelay(attempt, 500, 30_000));
        if (this.closed || (await this.startConsumer(entry))) return;
      }
    } finally {
      entry.restarting = false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.consumers.map((c) => c.consumer?.disconnect().catch(() => undefined)));
    await this.connecting?.catch(() => undefined);
    await this.dropProducer();
  }
}
