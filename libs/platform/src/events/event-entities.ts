import { InboxRecord } from './inbox-record.entity';
import { OutboxEvent } from './outbox-event.entity';

/** Add to a service's entity list (and EventBackbone1795900000000 to its MySQL migrations). */
export const EVENT_ENTITIES = [OutboxEvent, InboxRecord];
