import type { TransportMessage } from './event-transport';

/**
 * Kafka refuses a produce request whose record batch for a partition exceeds the broker's
 * message.max.bytes (1 MiB by default). A relay batch of 500 contract events of a few KB each can
 * pass that, and a batch the broker refuses would be retried forever. So one publish is sent as
 * consecutive requests of at most this many bytes, in the outbox's order.
 */
export const MAX_PUBLISH_REQUEST_BYTES = 512 * 1024;

function sizeOf(m: TransportMessage): number {
  let bytes = Buffer.byteLength(m.key) + Buffer.byteLength(m.value) + m.topic.length;
  for (const [k, v] of Object.entries(m.headers ?? {})) bytes += Buffer.byteLength(k) + Buffer.byteLength(v);
  return bytes;
}

/** Splits messages, in order, into runs of at most `maxBytes` (a larger message goes alone). */
export function publishChunks(messages: readonly TransportMessage[], maxBytes = MAX_PUBLISH_REQUEST_BYTES): TransportMessage[][] {
  const chunks: TransportMessage[][] = [];
  let current: TransportMessage[] = [];
  let bytes = 0;
  for (const m of messages) {
    const size = sizeOf(m);
    if (current.length && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}
