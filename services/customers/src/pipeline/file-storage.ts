import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/** Where evidence bytes live, content-addressed by SHA-256. Local disk by default; an S3 adapter implements the same port. */
export interface FileStorage {
  /** Stores the bytes under their hash; storing the same hash again is a no-op. */
  put(sha256: string, bytes: Buffer, mimeType: string): Promise<void>;
  get(sha256: string): Promise<Buffer | null>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

export class LocalDiskFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`);
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
