import { publishChunks } from './publish-chunks';
import type { TransportMessage } from './event-transport';

const message = (key: string, valueBytes: number): TransportMessage => ({ topic: 'orders.contract-signed.v1', key, value: 'x'.repeat(valueBytes) });

describe('publishChunks', () => {
  it('keeps a small batch as one request', () => {
    const batch = Array.from({ length: 500 }, (_, i) => message(`k${i % 7}`, 300));
    expect(publishChunks(batch)).toEqual([batch]);
  });

  it('splits 500 contract events of 3 KB into requests under 512 KiB, in the outbox order', () => {
    const batch = Array.from({ length: 500 }, (_, i) => message(`contract-${i % 3}`, 3_000));
    const chunks = publishChunks(batch);
    expect(chunks.length).toBe(3);
    expect(chunks.flat()).toEqual(batch);
    for (const chunk of chunks) expect(chunk.reduce((n, m) => n + m.value.length, 0)).toBeLessThanOrEqual(512 * 1024);
  });

  it('sends a message larger than the limit on its own rather than dropping it', () => {
    const big = message('k', 600_000);
    expect(publishChunks([message('a', 10), big, message('b', 10)])).toEqual([[message('a', 10)], [big], [message('b', 10)]]);
  });
});
