import * as fs from 'node:fs';
import * as path from 'node:path';
import { CloudEvent, formatValidationErrors, Topics, validateEvent } from '@lianxiao/contracts';
import { createLogger } from '../logging';
import type { EventTransport, ReceivedMessage } from './event-transport';
import { errorMessage } from './retry-backoff';

/** One envelope as the ERP stand-in received it. */
export interface ErpFeedEntry {
  id: string;
  type: string;
  source: string;
  time: string;
  subject: string;
  receivedAt: string;
  contractId: string | null;
  contractNumber: string | null;
  agreementVersion: number | null;
  customerName: string | null;
  amount: number | null;
  currency: string | null;
  /** False when the envelope broke its contract (ERP would reject it); `reason` says why. */
  valid: boolean;
  reason: string | null;
  partition: number;
  offset: string;
}

export interface ErpFeedRecorderOptions {
  /** Append-only JSON-lines file, e.g. `<DATA_DIR>/erp-feed.jsonl`. */
  file: string;
  /** Consumer group of the stand-in (ERP's own group in production). */
  group?: string;
  topics?: readonly string[];
}

export const ERP_FEED_GROUP = 'erp-standin';

/**
 * The ERP stand-in of the embedded demo (and of a cluster without a real ERP): it reads
 * `orders.contract-signed.v1` the way an ERP connector would — its own consumer group, any
 * transport — and appends what it received to a file, once per event id. It is not an inbox
 * consumer of the service it runs in: it keeps no state in the service's database.
 */
export class ErpFeedRecorder {
  private readonly log = createLogger('events.erp-feed');
  private readonly seen = new Set<string>();
  private loaded = false;

  constructor(
    private readonly transport: EventTransport,
    private readonly options: ErpFeedRecorderOptions,
  ) {}

  async start(): Promise<void> {
    this.load();
    await this.transport.subscribe(this.options.group ?? ERP_FEED_GROUP, this.options.topics ?? [Topics.contractSigned], (m) => this.receive(m));
  }

  /** Newest first. */
  entries(limit = 100): ErpFeedEntry[] {
    const all = this.readAll();
    return all.slice(Math.max(0, all.length - limit)).reverse();
  }

  count(): number {
    return this.readAll().length;
  }

  async receive(message: ReceivedMessage): Promise<void> {
    this.load();
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.value);
    } catch (error) {
      parsed = null;
      this.log.warn({ topic: message.topic, offset: message.offset, err: errorMessage(error) }, 'ERP stand-in received a message that is not JSON');
    }
    const event = (parsed ?? {}) as Partial<CloudEvent> & { data?: Record<string, unknown> };
    const id = typeof event.id === 'string' ? event.id : `${message.topic}:${message.partition}:${message.offset}`;
    if (this.seen.has(id)) return; // a redelivery: ERP dedupes by event id too
    const errors = parsed === null ? null : validateEvent(parsed);
    const data = (event.data ?? {}) as { contractId?: unknown; contractNumber?: unknown; amount?: unknown; currency?: unknown; customer?: { name?: unknown }; specification?: { agreementVersion?: unknown } };
    const entry: ErpFeedEntry = {
      id,
      type: String(event.type ?? message.topic),
      source: String(event.source ?? ''),
      time: String(event.time ?? ''),
      subject: String(event.subject ?? message.key),
      receivedAt: new Date().toISOString(),
      contractId: typeof data.contractId === 'string' ? data.contractId : null,
      contractNumber: typeof data.contractNumber === 'string' ? data.contractNumber : null,
      agreementVersion: typeof data.specification?.agreementVersion === 'number' ? data.specification.agreementVersion : null,
      customerName: typeof data.customer?.name === 'string' ? data.customer.name : null,
      amount: typeof data.amount === 'number' ? data.amount : null,
      currency: typeof data.currency === 'string' ? data.currency : null,
      valid: errors !== null && errors.length === 0,
      reason: errors === null ? 'not JSON' : errors.length ? formatValidationErrors(errors).slice(0, 500) : null,
      partition: message.partition,
      offset: message.offset,
    };
    fs.mkdirSync(path.dirname(this.options.file), { recursive: true });
    fs.appendFileSync(this.options.file, `${JSON.stringify(entry)}\n`);
    this.seen.add(id);
    this.log.info({ id, contractNumber: entry.contractNumber, valid: entry.valid }, 'ERP stand-in received a signed contract');
  }

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    for (const entry of this.readAll()) this.seen.add(entry.id);
  }

  private readAll(): ErpFeedEntry[] {
    if (!fs.existsSync(this.options.file)) return [];
    const entries: ErpFeedEntry[] = [];
    for (const line of fs.readFileSync(this.options.file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        entries.push(JSON.parse(line) as ErpFeedEntry);
      } catch {
        // a torn last line after a crash: skipped
      }
    }
    return entries;
  }
}
