import type { EntityManager } from 'typeorm';
import { CloudEvent, EventCatalogue, isEventType, validateEvent } from '@lianxiao/contracts';
import { DomainError } from '../errors';
import { OutboxEvent } from './outbox-event.entity';
import { traceHeaders } from './trace-context';

export const EVENT_INVALID = 'EVENT_INVALID';

/** Structured-mode CloudEvents over Kafka (CloudEvents Kafka protocol binding). */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';

/**
 * Writes events into the outbox inside the caller's transaction, so the state change and its
 * event commit or roll back together. An event that breaks its contract is refused here, before
 * anything reaches a consumer.
 */
export class OutboxWriter {
  async append(manager: EntityManager, event: CloudEvent, headers: Record<string, string> = {}): Promise<OutboxEvent> {
    const [row] = await this.appendAll(manager, [event], headers);
    return row;
  }

  async appendAll(manager: EntityManager, events: readonly CloudEvent[], headers: Record<string, string> = {}): Promise<OutboxEvent[]> {
    // The trace of the request (or consumed event) that made the change travels with its events.
    const withTrace = { ...traceHeaders(), ...headers };
    const rows = events.map((event) => this.toRow(event, withTrace));
    if (!rows.length) return [];
    await manager.insert(OutboxEvent, rows);
    return rows;
  }

  private toRow(event: CloudEvent, headers: Record<string, string>): OutboxEvent {
    const errors = validateEvent(event);
    if (errors.length || !isEventType(event.type)) {
      throw new DomainError(
        EVENT_INVALID,
        `事件不符合契约（${event.type}）：${errors.map((e) => `${e.path} ${e.message}`).join('；')}`,
        `The event breaks its contract (${event.type}): ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
        errors.map((e) => ({ field: e.path, messageZh: e.message, messageEn: e.message })),
        500,
      );
    }
    const row = new OutboxEvent();
    row.id = event.id;
    row.topic = EventCatalogue[event.type].topic;
    row.messageKey = event.subject;
    row.payload = JSON.stringify(event);
    row.headers = { 'content-type': CLOUDEVENTS_CONTENT_TYPE, ...headers };
    row.createdAt = new Date();
    row.publishedAt = null;
    row.attempts = 0;
    row.lastError = null;
    return row;
  }
}
