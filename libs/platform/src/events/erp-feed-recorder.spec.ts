import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { contractSignedEvent, sqliteMemoryDataSource } from '../../test/events-fixtures';
import { OutboxWriter } from './outbox-writer';
import { ErpFeedRecorder } from './erp-feed-recorder';
import type { EventTransport, MessageHandler, ReceivedMessage } from './event-transport';
import { currentTraceContext, parseTraceContext, runWithTraceContext, traceHeaders } from './trace-context';

class HandTransport implements EventTransport {
  handler: MessageHandler | undefined;
  async publish(): Promise<void> {
    // not used
  }
  async subscribe(_group: string, _topics: readonly string[], handler: MessageHandler): Promise<void> {
    this.handler = handler;
  }
  async close(): Promise<void> {
    // nothing held
  }
}

const message = (value: string, offset: number): ReceivedMessage => ({ topic: 'orders.contract-signed.v1', key: 'k', value, partition: 0, offset: String(offset) });

describe('ErpFeedRecorder (the ERP stand-in)', () => {
  it('records each envelope once, newest first, with contract number and agreement version, and flags a broken one', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'erp-feed-')), 'erp-feed.jsonl');
    const transport = new HandTransport();
    const recorder = new ErpFeedRecorder(transport, { file });
    await recorder.start();
    const first = contractSignedEvent(1000);
    const second = contractSignedEvent(2000);
    await transport.handler!(message(JSON.stringify(first), 1));
    await transport.handler!(message(JSON.stringify(first), 2)); // redelivered
    const broken = structuredClone(second);
    delete (broken.data as { contractNumber?: string }).contractNumber;
    await transport.handler!(message(JSON.stringify(broken), 3));
    const entries = recorder.entries();
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ id: first.id, subject: first.subject, valid: true, reason: null, amount: 1000 });
    expect(entries[1].contractNumber).toBe((first.data as { contractNumber: string }).contractNumber);
    expect(entries[1].agreementVersion).toBe((first.data as { specification: { agreementVersion: number } }).specification.agreementVersion);
    expect(entries[0]).toMatchObject({ id: second.id, valid: false, contractNumber: null });
    expect(entries[0].reason).toContain('contractNumber');
    // A restarted recorder still knows what it has seen.
    const again = new ErpFeedRecorder(new HandTransport(), { file });
    await again.receive(message(JSON.stringify(first), 4));
    expect(again.count()).toBe(2);
  });
});

describe('trace context', () => {
  const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
  it('accepts only a valid W3C traceparent and carries it as event headers inside its scope', () => {
    expect(parseTraceContext('not-a-trace')).toBeUndefined();
    expect(parseTraceContext('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBeUndefined();
    expect(traceHeaders()).toEqual({});
    runWithTraceContext(parseTraceContext(traceparent, 'lx=1'), () => {
      expect(currentTraceContext()?.traceparent).toBe(traceparent);
      expect(traceHeaders()).toEqual({ traceparent, tracestate: 'lx=1' });
    });
    expect(currentTraceContext()).toBeUndefined();
  });

  it('is stored on the outbox rows appended inside it, and nothing is added outside one', async () => {
    const dataSource = await sqliteMemoryDataSource();
    const writer = new OutboxWriter();
    try {
      const traced = await runWithTraceContext(parseTraceContext(traceparent), () => dataSource.transaction((m) => writer.append(m, contractSignedEvent())));
      const plain = await dataSource.transaction((m) => writer.append(m, contractSignedEvent()));
      expect(traced.headers).toMatchObject({ traceparent });
      expect(plain.headers).not.toHaveProperty('traceparent');
    } finally {
      await dataSource.destroy();
    }
  });
});
