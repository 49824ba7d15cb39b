import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import type { EventTransport, MessageHandler, TransportMessage } from '../../events/event-transport';

/**
 * An event transport whose messages carry their span across the broker (W3C trace context in the
 * message headers, as the outbox stores it):
 * - `send <topic>` (producer) per message, child of the span that appended the event — the
 *   traceparent stored on the outbox row — and the context the consumer receives;
 * - `process <topic>` (consumer) per delivered message, child of the producer span and active
 *   while the handler runs, so the handler's statements and the events it appends join the trace.
 */
export class TracedEventTransport implements EventTransport {
  readonly probe?: () => Promise<void>;

  constructor(
    private readonly inner: EventTransport,
    private readonly tracer: Tracer,
    private readonly system: string,
  ) {
    const probe = inner.probe?.bind(inner);
    if (probe) this.probe = () => probe();
  }

  async publish(messages: readonly TransportMessage[]): Promise<void> {
    const spans: Span[] = [];
    const traced = messages.map((message) => {
      // The stored traceparent when the row has one; otherwise the caller's span (a dead letter inside a handler).
      const parent = propagation.extract(context.active(), message.headers ?? {});
      const span = this.tracer.startSpan(
        `send ${message.topic}`,
        {
          kind: SpanKind.PRODUCER,
          attributes: { ...this.attributesOf('send', message.topic), ...this.keyOf(message.key) },
        },
        parent,
      );
      spans.push(span);
      const headers = { ...(message.headers ?? {}) };
      propagation.inject(trace.setSpan(parent, span), headers);
      return { ...message, headers };
    });
    try {
      await this.inner.publish(traced);
    } catch (error) {
      for (const span of spans) span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
  }

  subscribe(groupId: string, topics: readonly string[], handler: MessageHandler): Promise<void> {
    return this.inner.subscribe(groupId, topics, (message) => {
      // Only the message says whose work this continues (the in-process transport delivers inside the relay's call).
      const parent = propagation.extract(ROOT_CONTEXT, message.headers ?? {});
      return this.tracer.startActiveSpan(
        `process ${message.topic}`,
        {
          kind: SpanKind.CONSUMER,
          attributes: {
            ...this.attributesOf('process', message.topic),
            ...this.keyOf(message.key),
            'messaging.consumer.group.name': groupId,
            'messaging.destination.partition.id': String(message.partition),
            ...(this.system === 'kafka' ? { 'messaging.kafka.offset': Number(message.offset) } : {}),
          },
        },
        parent,
        async (span) => {
          try {
            await handler(message);
          } catch (error) {
            span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
            throw error;
          } finally {
            span.end();
          }
        },
      );
    });
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private attributesOf(operation: 'send' | 'process', topic: string): Attributes {
    return { 'messaging.system': this.system, 'messaging.operation.type': operation, 'messaging.destination.name': topic };
  }

  /** The message key is the aggregate id (a UUID), never business data. */
  private keyOf(key: string): Attributes {
    return this.system === 'kafka' ? { 'messaging.kafka.message.key': key } : { 'lianxiao.event.key': key };
  }
}
