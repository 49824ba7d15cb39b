import { BroadcastChannel, threadId } from 'node:worker_threads';
import { createLogger } from '../logging';
import type { EventTransport, MessageHandler, ReceivedMessage, TransportMessage } from './event-transport';
import { backoffDelay, errorMessage, sleep } from './retry-backoff';

/** Channel shared by every worker thread of the embedded process. */
export const IN_PROCESS_CHANNEL = 'lianxiao-events';

interface WireBatch {
  from: number;
  messages: TransportMessage[];
}

interface Subscription {
  groupId: string;
  topics: ReadonlySet<string>;
  handler: MessageHandler;
  owner: InProcessTransport;
  queue: ReceivedMessage[];
  draining: boolean;
  closed: boolean;
}

const log = createLogger('events.in-process');

/**
 * One hub per thread: local subscriptions plus the BroadcastChannel to the other threads. Shared
 * by every InProcessTransport of the thread, so a message is delivered once per group however
 * many transports the thread created.
 */
class ThreadHub {
  private channel: BroadcastChannel | undefined;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly users = new Set<InProcessTransport>();
  private offset = 0;

  attach(user: InProcessTransport): void {
    this.users.add(user);
    if (this.channel) return;
    this.channel = new BroadcastChannel(IN_PROCESS_CHANNEL);
    // The channel must not keep the process alive on its own.
    this.channel.unref();
    this.channel.onmessage = (event) => {
      const batch = event.data as WireBatch;
      if (batch && Array.isArray(batch.messages)) this.deliverLocally(batch.messages);
    };
  }

  detach(user: InProcessTransport): void {
    this.users.delete(user);
    for (const [groupId, sub] of this.subscriptions) {
      if (sub.owner === user) {
        sub.closed = true;
        this.subscriptions.delete(groupId);
      }
    }
    if (this.users.size === 0 && this.channel) {
      this.channel.close();
      this.channel = undefined;
    }
  }

  publish(messages: readonly TransportMessage[]): void {
    const copies = messages.map((m) => ({ topic: m.topic, key: m.key, value: m.value, headers: { ...(m.headers ?? {}) } }));
    this.deliverLocally(copies);
    this.channel?.postMessage({ from: threadId, messages: copies } satisfies WireBatch);
  }

  subscribe(sub: Subscription): void {
    const existing = this.subscriptions.get(sub.groupId);
    if (existing && !existing.closed) {
      // Embedded mode runs one consumer per group per thread; a second one would double-handle.
      throw new Error(`in-process transport: group "${sub.groupId}" already has a consumer in this thread`);
    }
    this.subscriptions.set(sub.groupId, sub);
  }

  private deliverLocally(messages: readonly TransportMessage[]): void {
    for (const message of messages) {
      const offset = String(++this.offset);
      for (const sub of this.subscriptions.values()) {
        if (!sub.topics.has(message.topic)) continue;
        sub.queue.push({ ...message, partition: 0, offset });
        void this.drain(sub);
      }
    }
  }

  /** One message at a time per group keeps the order of each key (and of the whole topic). */
  private async drain(sub: Subscription): Promise<void> {
    if (sub.draining) return;
    sub.draining = true;
    try {
      let failures = 0;
      while (sub.queue.length && !sub.closed) {
        const message = sub.queue[0];
        try {
          await sub.handler(message);
          sub.queue.shift();
          failures = 0;
        } catch (error) {
          failures += 1;
          const delay = backoffDelay(failures, 100, 5_000);
          log.warn({ group: sub.groupId, topic: message.topic, err: errorMessage(error), retryInMs: delay }, 'handler rejected a message; delivering it again');
          await sleep(delay);
        }
      }
    } finally {
      sub.draining = false;
    }
  }
}

const hub = new ThreadHub();

/**
 * The embedded default: events travel inside the process, to this thread's consumers directly
 * and to the other worker threads over a BroadcastChannel. Nothing is durable here; the outbox is
 * the durable copy (see docs/events/README.md).
 */
export class InProcessTransport implements EventTransport {
  private closed = false;

  constructor() {
    hub.attach(this);
  }

  async publish(messages: readonly TransportMessage[]): Promise<void> {
    if (this.closed) throw new Error('in-process transport is closed');
    hub.publish(messages);
  }

  async subscribe(groupId: string, topics: readonly string[], handler: MessageHandler): Promise<void> {
    if (this.closed) throw new Error('in-process transport is closed');
    hub.subscribe({ groupId, topics: new Set(topics), handler, owner: this, queue: [], draining: false, closed: false });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    hub.detach(this);
  }
}
