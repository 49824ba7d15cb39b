import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { Jimp } from 'jimp';
import { LocalDiskFileStorage } from './file-storage';
import { S3FileStorage, s3ConfigFromEnv } from './s3-file-storage';
import { decodeImage, makeThumbnail, thumbnailKey, ThumbnailingFileStorage } from './evidence-thumbnails';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('S3FileStorage', () => {
  it('signs PUT / GET for an S3-compatible endpoint and skips uploading what exists', async () => {
    const store = new Map<string, Buffer>();
    const calls: Array<{ method: string; url: string; auth: string }> = [];
    const fakeFetch = (async (url: URL, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      calls.push({ method: init.method!, url: String(url), auth: headers.authorization });
      const key = String(url);
      if (init.method === 'PUT') { store.set(key, Buffer.from(init.body as Uint8Array)); return new Response(null, { status: 200 }); }
      const found = store.get(key);
      if (!found) return new Response(null, { status: 404 });
      return new Response(init.method === 'HEAD' ? null : new Uint8Array(found), { status: 200 });
    }) as unknown as typeof fetch;
    const config = s3ConfigFromEnv({ S3_BUCKET: 'evidence', S3_ENDPOINT: 'http://minio.local:9000/', S3_ACCESS_KEY_ID: 'AK', S3_SECRET_ACCESS_KEY: 'SK', S3_PREFIX: 'lx/' })!;
    const s3 = new S3FileStorage(config, fakeFetch, () => new Date('2026-11-23T12:00:00Z'));
    const bytes = Buffer.from('%PDF-1.4 hello');
    await s3.put(sha(bytes), bytes, 'application/pdf');
    await s3.put(sha(bytes), bytes, 'application/pdf');
    expect(calls.map((c) => c.method)).toEqual(['HEAD', 'PUT', 'HEAD']);
    expect(calls[1].url).toBe(`http://minio.local:9000/evidence/lx/${sha(bytes)}`);
    expect(calls[1].auth).toMatch(/^AWS4-HMAC-SHA256 Credential=AK\/20261123\/us-east-1\/s3\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/);
    expect(await s3.get(sha(bytes))).toEqual(bytes);
    expect(await s3.get('0'.repeat(64))).toBeNull();
  });

  it('is off without S3_BUCKET and refuses a half configuration', () => {
    expect(s3ConfigFromEnv({})).toBeNull();
    expect(() => s3ConfigFromEnv({ S3_BUCKET: 'b' })).toThrow(/S3_ENDPOINT/);
  });
});

describe('thumbnails', () => {
  it('stores a ≤ 320 px JPEG thumbnail next to an uploaded image, none for a PDF', async () => {
    const png = await new Jimp({ width: 640, height: 320, color: 0x3366ccff }).getBuffer('image/png');
    const storage = new ThumbnailingFileStorage(new LocalDiskFileStorage(mkdtempSync(join(tmpdir(), 'thumbs-'))));
    await storage.put(sha(png), png, 'image/png');
    const thumb = await storage.get(thumbnailKey(sha(png)));
    expect(thumb).not.toBeNull();
    const img = (await decodeImage(thumb!))!;
    expect([img.bitmap.width, img.bitmap.height]).toEqual([320, 160]);
    const pdf = Buffer.from('%PDF-1.4 x');
    await storage.put(sha(pdf), pdf, 'application/pdf');
    expect(await storage.get(thumbnailKey(sha(pdf)))).toBeNull();
    expect(await makeThumbnail(Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))).toBeNull();
  }, 60_000);
});
