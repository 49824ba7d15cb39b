/** A message as it travels on a topic: the key is the aggregate id, the value the CloudEvent JSON. */
export interface TransportMessage {
  topic: string;
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface ReceivedMessage extends TransportMessage {
  partition: number;
  /** Broker offset (Kafka) or a per-process counter (in-process); for logs, never for dedupe. */
  offset: string;
}

/**
 * Handles one message. Resolving acknowledges it; rejecting asks the transport to deliver it
 * again later (Kafka: the offset is not committed).
 */
export type MessageHandler = (message: ReceivedMessage) => Promise<void>;

/** What services publish and consume through; they never touch kafkajs directly. */
export interface EventTransport {
  /** Resolves once the broker acknowledged every message (Kafka: all in-sync replicas). */
  publish(messages: readonly TransportMessage[]): Promise<void>;
  /** One consumer of the group in this process; messages of one key arrive in order. */
  subscribe(groupId: string, topics: readonly string[], handler: MessageHandler): Promise<void>;
  close(): Promise<void>;
  /** Optional: resolves once the broker answers (Kafka); used at start-up to warn early. */
  probe?(): Promise<void>;
}

export const EVENT_TRANSPORT = Symbol('EVENT_TRANSPORT');
