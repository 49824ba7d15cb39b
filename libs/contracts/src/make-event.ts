import { randomUUID } from 'node:crypto';
import type { CloudEvent } from './cloud-event';
import type { EventDataMap, EventType } from './event-catalogue';

export interface MakeEventInput<T extends EventType> {
  type: T;
  /** Producing service as a URI reference, e.g. `/lianxiao/orders`. */
  source: string;
  /** Aggregate id (the message key). */
  subject: string;
  data: EventDataMap[T];
  /** Defaults to a new UUID; give one only to re-emit a known event. */
  id?: string;
  /** Defaults to now. */
  time?: Date | string;
}

/** Builds a CloudEvents 1.0 envelope (structured JSON mode) with a new UUID id. */
export function makeEvent<T extends EventType>(input: MakeEventInput<T>): CloudEvent<EventDataMap[T]> {
  const time = input.time === undefined ? new Date() : input.time;
  return {
    specversion: '1.0',
    id: input.id ?? randomUUID(),
    source: input.source,
    type: input.type,
    time: typeof time === 'string' ? time : time.toISOString(),
    subject: input.subject,
    datacontenttype: 'application/json',
    data: input.data,
  };
}
