import { defaultFormats, Jimp } from 'jimp';
import { createLogger } from '@lianxiao/platform';
import { FileStorage } from './file-storage';

const log = createLogger('customers-thumbnails');

export const THUMBNAIL_MAX_PX = 320;
const IMAGE_MIME = new Set(['image/jpeg', 'image/png']);

export const thumbnailKey = (sha256: string) => `${sha256}.thumb`;

const DECODERS = new Map(defaultFormats.map((f) => f()).map((f) => [f.mime, f]));

/** PNG or JPEG by signature (Jimp.read sniffs with a dynamic import, which breaks under jest's VM). */
function imageMimeOf(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** A decoded PNG or JPEG, or null for anything else. */
export async function decodeImage(bytes: Buffer) {
  const mime = imageMimeOf(bytes);
  const decoder = mime ? DECODERS.get(mime) : undefined;
  if (!decoder?.decode) return null;
  return Jimp.fromBitmap(await decoder.decode(bytes));
}

/** A JPEG at most 320×320 px of a JPEG or PNG, or null when the bytes are not a decodable image. */
export async function makeThumbnail(bytes: Buffer): Promise<Buffer | null> {
  try {
    const image = await decodeImage(bytes);
    if (!image) return null;
    if (image.bitmap.width > THUMBNAIL_MAX_PX || image.bitmap.height > THUMBNAIL_MAX_PX) image.scaleToFit({ w: THUMBNAIL_MAX_PX, h: THUMBNAIL_MAX_PX });
    // JPEG has no alpha: put transparent PNGs on white rather than black.
    const canvas = new Jimp({ width: image.bitmap.width, height: image.bitmap.height, color: 0xffffffff });
    canvas.composite(image, 0, 0);
    return await canvas.getBuffer('image/jpeg', { quality: 75 });
  } catch {
    return null;
  }
}

/**
 * Wraps a FileStorage so every image stored gets a thumbnail at upload (`<sha256>.thumb`). A file
 * that cannot be decoded is stored without one — a thumbnail is a convenience, never a reason to
 * refuse evidence. Thumbnails of files stored before this existed are made on first request.
 */
export class ThumbnailingFileStorage implements FileStorage {
  constructor(readonly inner: FileStorage) {}

  async put(key: string, bytes: Buffer, mimeType: string): Promise<void> {
    await this.inner.put(key, bytes, mimeType);
    if (IMAGE_MIME.has(mimeType) && !key.includes('.')) {
      const thumb = await makeThumbnail(bytes);
      if (thumb) await this.inner.put(thumbnailKey(key), thumb, 'image/jpeg').catch((err: unknown) => log.warn({ err, key }, 'thumbnail not stored'));
    }
  }

  get(key: string): Promise<Buffer | null> {
    return this.inner.get(key);
  }

  /** The thumbnail of an image, made now if it is missing; null for non-images. */
  async thumbnail(sha256: string): Promise<Buffer | null> {
    const stored = await this.inner.get(thumbnailKey(sha256));
    if (stored) return stored;
    const original = await this.inner.get(sha256);
    if (!original) return null;
    const thumb = await makeThumbnail(original);
    if (thumb) await this.inner.put(thumbnailKey(sha256), thumb, 'image/jpeg').catch(() => undefined);
    return thumb;
  }
}
