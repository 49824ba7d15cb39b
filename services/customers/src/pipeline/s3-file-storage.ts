import { FileStorage, STORAGE_KEY } from './file-storage';
import { EMPTY_SHA256, sha256Hex, signV4, SigV4Credentials } from './sigv4';

export interface S3StorageConfig {
  /** e.g. https://s3.cn-north-1.amazonaws.com.cn, https://oss-cn-hangzhou.aliyuncs.com, http://minio:9000 */
  endpoint: string;
  bucket: string;
  region: string;
  credentials: SigV4Credentials;
  /** Key prefix inside the bucket, e.g. "evidence/". */
  prefix?: string;
  /** Path-style URLs (endpoint/bucket/key), as MinIO and most S3-compatible stores want. Default true. */
  pathStyle?: boolean;
}

/** Reads S3_* variables; null when S3_BUCKET is unset (local disk is used then). */
export function s3ConfigFromEnv(env: NodeJS.ProcessEnv): S3StorageConfig | null {
  if (!env.S3_BUCKET) return null;
  const missing = ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((k) => !env[k]);
  if (missing.length) throw new Error(`S3_BUCKET is set but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not / 已设置 S3_BUCKET，但缺少 ${missing.join('、')}`);
  return {
    endpoint: env.S3_ENDPOINT!.replace(/\/+$/, ''),
    bucket: env.S3_BUCKET,
    region: env.S3_REGION ?? 'us-east-1',
    credentials: { accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY!, sessionToken: env.S3_SESSION_TOKEN },
    prefix: env.S3_PREFIX ?? '',
    pathStyle: env.S3_PATH_STYLE !== 'false',
  };
}

/**
 * The FileStorage port on any S3-compatible object store (AWS S3, MinIO, Aliyun OSS, Tencent COS)
 * with SigV4 signing from node:crypto — no SDK. Objects are immutable and content-addressed, so
 * `put` first asks whether the key exists (HEAD) and skips the upload when it does.
 */
export class S3FileStorage implements FileStorage {
  constructor(private readonly config: S3StorageConfig, private readonly fetchImpl: typeof fetch = fetch, private readonly clock: () => Date = () => new Date()) {}

  urlOf(key: string): URL {
    if (!STORAGE_KEY.test(key)) throw new Error(`not a storage key (SHA-256 hex digest): ${key}`);
    const objectKey = `${this.config.prefix ?? ''}${key}`;
    const base = new URL(this.config.endpoint);
    if (this.config.pathStyle === false) return new URL(`${base.protocol}//${this.config.bucket}.${base.host}/${objectKey}`);
    return new URL(`${this.config.endpoint}/${this.config.bucket}/${objectKey}`);
  }

  private async send(method: 'GET' | 'PUT' | 'HEAD', key: string, body?: Buffer, contentType?: string): Promise<Response> {
    const url = this.urlOf(key);
    const payloadHash = body ? sha256Hex(body) : EMPTY_SHA256;
    const headers = signV4(
      { method, url, payloadHash, region: this.config.region, service: 's3', now: this.clock(), headers: { 'x-amz-content-sha256': payloadHash, ...(contentType ? { 'content-type': contentType } : {}) } },
      this.config.credentials,
    );
    delete headers.host; // fetch sets it from the URL
    return this.fetchImpl(url, { method, headers, body: body ? new Uint8Array(body) : undefined });
  }

  async put(key: string, bytes: Buffer, mimeType: string): Promise<void> {
    const head = await this.send('HEAD', key);
    if (head.ok) return;
    const res = await this.send('PUT', key, bytes, mimeType);
    if (!res.ok) throw new Error(`S3 PUT ${key} failed: ${res.status} ${await res.text().catch(() => '')}`.slice(0, 500));
  }

  async get(key: string): Promise<Buffer | null> {
    const res = await this.send('GET', key);
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`S3 GET ${key} failed: ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }
}
