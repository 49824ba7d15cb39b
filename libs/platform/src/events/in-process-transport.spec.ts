import { Worker } from 'node:worker_threads';
import { waitFor } from '../../test/events-fixtures';
import type { ReceivedMessage } from './event-transport';
import { IN_PROCESS_CHANNEL, InProcessTransport } from './in-process-transport';

const message = (key: string, value = `{"n":"${key}"}`) => ({ topic: 'orders.contract-signed.v1', key, value, headers: { h: '1' } });

describe('InProcessTransport', () => {
  const transports: InProcessTransport[] = [];
  const transport = () => {
    const t = new InProcessTransport();
    transports.push(t);
    return t;
  };
  afterEach(async () => {
    await Promise.all(transports.splice(0).map((t) => t.close()));
  });

  it('delivers to every group once, in publish order', async () => {
    const producer = transport();
    const a: ReceivedMessage[] = [];
    const b: ReceivedMessage[] = [];
    await transport().subscribe('erp', ['orders.contract-signed.v1'], async (m) => void a.push(m));
    await transport().subscribe('points', ['orders.contract-signed.v1', 'dealers.stock-uploaded.v1'], async (m) => void b.push(m));
    await producer.publish([message('k1'), message('k2'), { ...message('k3'), topic: 'other.topic.v1' }]);
    await waitFor(() => a.length === 2 && b.length === 2);
    expect(a.map((m) => m.key)).toEqual(['k1', 'k2']);
    expect(b[0]).toMatchObject({ topic: 'orders.contract-signed.v1', key: 'k1', value: '{"n":"k1"}', headers: { h: '1' } });
  });

  it('delivers a message again when the handler rejects, without overtaking it', async () => {
    const seen: string[] = [];
    let failures = 0;
    await transport().subscribe('flaky', ['orders.contract-signed.v1'], async (m) => {
      if (m.key === 'k1' && failures++ < 2) throw new Error('database busy');
      seen.push(m.key);
    });
    await transport().publish([message('k1'), message('k2')]);
    await waitFor(() => seen.length === 2);
    expect(seen).toEqual(['k1', 'k2']);
    expect(failures).toBe(3);
  });

  it('refuses a second consumer of the same group in one thread', async () => {
    await transport().subscribe('erp', ['t'], async () => undefined);
    await expect(transport().subscribe('erp', ['t'], async () => undefined)).rejects.toThrow('already has a consumer');
  });

  it('carries events between worker threads of the process', async () => {
    const received: ReceivedMessage[] = [];
    await transport().subscribe('erp', ['orders.contract-signed.v1'], async (m) => void received.push(m));
    // A worker thread plays another embedded service: it echoes what it hears and publishes one.
    const worker = new Worker(
      `const { BroadcastChannel, parentPort } = require('node:worker_threads');
       const channel = new BroadcastChannel(${JSON.stringify(IN_PROCESS_CHANNEL)});
       channel.onmessage = (e) => { parentPort.postMessage(e.data.messages.map((m) => m.key)); channel.close(); };
       channel.postMessage({ from: 1, messages: [{ topic: 'orders.contract-signed.v1', key: 'from-worker', value: '{}', headers: {} }] });
       parentPort.postMessage('ready');`,
      { eval: true },
    );
    const heardByWorker = new Promise<string[]>((resolve) => worker.on('message', (m: unknown) => Array.isArray(m) && resolve(m as string[])));
    await new Promise<void>((resolve) => worker.once('message', () => resolve()));
    await waitFor(() => received.length === 1);
    expect(received[0].key).toBe('from-worker');
    await transport().publish([message('from-main')]);
    expect(await heardByWorker).toEqual(['from-main']);
    await worker.terminate();
  });
});
