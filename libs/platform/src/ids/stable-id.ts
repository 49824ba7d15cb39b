import { createHash, randomUUID } from 'node:crypto';

/** A new random id for an entity (UUID v4). */
export const newId = (): string => randomUUID();

/**
 * A deterministic UUID-shaped id from a namespace and a key, so the demo data of every service
 * agrees on ids (dealer 5 is the same id in identity, dealers and incentives).
 */
export function stableId(namespace: string, key: string | number): string {
  const h = createHash('sha1').update(`${namespace}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
