import * as path from 'node:path';
import { FileStorage, LocalDiskFileStorage } from './file-storage';
import { S3FileStorage, s3ConfigFromEnv } from './s3-file-storage';
import { ThumbnailingFileStorage } from './evidence-thumbnails';

/**
 * The service's file storage: S3-compatible when S3_BUCKET (+ S3_ENDPOINT, S3_ACCESS_KEY_ID,
 * S3_SECRET_ACCESS_KEY, optional S3_REGION, S3_PREFIX, S3_PATH_STYLE) is set, else
 * `<dataDir>/files`; images get thumbnails either way.
 */
export function createFileStorage(dataDir: string, env: NodeJS.ProcessEnv = process.env): ThumbnailingFileStorage {
  const s3 = s3ConfigFromEnv(env);
  const base: FileStorage = s3 ? new S3FileStorage(s3) : new LocalDiskFileStorage(path.join(dataDir, 'files'));
  return new ThumbnailingFileStorage(base);
}
