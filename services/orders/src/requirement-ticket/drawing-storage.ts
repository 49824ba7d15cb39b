import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/**
 * The storage port for ticket drawings, content-addressed by SHA-256. Local disk under
 * `<DATA_DIR>/files/orders` by default; an S3-compatible adapter implements the same two methods.
 */
export interface DrawingStorage {
  put(sha256: string, bytes: Buffer): Promise<void>;
  get(sha256: string): Promise<Buffer | null>;
}

export const DRAWING_STORAGE = Symbol('DRAWING_STORAGE');
const KEY = /^[0-9a-f]{64}$/;

export class LocalDiskDrawingStorage implements DrawingStorage {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!KEY.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`);
    return path.join(this.root, sha256);
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(sha256);
    await fs.mkdir(this.root, { recursive: true });
    try {
      await fs.access(target);
      return; // same content already stored
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
