import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Where evidence bytes live, content-addressed by SHA-256. Local disk by default; S3FileStorage
 * (s3-file-storage.ts) implements the same port. A key is a SHA-256 hex digest, optionally with a
 * rendition suffix (`<sha256>.thumb` = the thumbnail of that image, see evidence-thumbnails.ts).
 */
export interface FileStorage {
  /** Stores the bytes under their key; storing the same key again is a no-op. */
  put(sha256: string, bytes: Buffer, mimeType: string): Promise<void>;
  get(sha256: string): Promise<Buffer | null>;
}

/** `<64 hex>` or `<64 hex>.<rendition>`: never a path. */
export const STORAGE_KEY = /^[0-9a-f]{64}(\.[a-z0-9]{1,16})?$/;

export const FILE_STORAGE = Symbol('FILE_STORAGE');

export class LocalDiskFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!STORAGE_KEY.test(sha256)) throw new Error(`not a storage key (SHA-256 hex digest): ${sha256}`);
    return path.join(this.root, sha256);
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(sha256);
    await fs.mkdir(this.root, { recursive: true });
    try {
      await fs.access(target);
      return;
    } catch {
      // not stored yet
    }
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, target);
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(sha256));
    } catch {
      return null;
    }
  }
}

/** Injectable clock so time rules can be tested. */
export interface Clock {
  now(): Date;
}
export const CLOCK = Symbol('CLOCK');
export const systemClock: Clock = { now: () => new Date() };
