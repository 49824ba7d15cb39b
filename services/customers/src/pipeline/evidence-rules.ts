import { createHash } from 'node:crypto';
import { ErrorDetail } from '@lianxiao/platform';
import { EVIDENCE_TYPE_CODES } from './pipeline-vocabulary';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const ALLOWED_EVIDENCE_MIME = ['image/jpeg', 'image/png', 'application/pdf'] as const;

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'application/pdf': (b) => b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-',
};

export interface EvidenceFileInput {
  type: string;
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export type EvidenceFileCheck = { ok: true; bytes: Buffer; sha256: string } | { ok: false; details: ErrorDetail[] };

/** Type, name, MIME allow-list, size ≤ 10 MB and content matching the declared MIME type. Pure. */
export function checkEvidenceFile(input: EvidenceFileInput): EvidenceFileCheck {
  const details: ErrorDetail[] = [];
  if (!(EVIDENCE_TYPE_CODES as string[]).includes(input.type)) {
    details.push({ field: 'type', messageZh: `附件类型须为 ${EVIDENCE_TYPE_CODES.join('、')} 之一`, messageEn: `type must be one of ${EVIDENCE_TYPE_CODES.join(', ')}` });
  }
  const fileName = input.fileName?.trim() ?? '';
  if (!fileName || fileName.length > 255 || /[\\/]/.test(fileName)) {
    details.push({ field: 'fileName', messageZh: '文件名须为 1–255 个字符且不含路径', messageEn: 'fileName must be 1–255 characters without a path' });
  }
  if (!(ALLOWED_EVIDENCE_MIME as readonly string[]).includes(input.mimeType)) {
    details.push({ field: 'mimeType', messageZh: `仅支持 JPEG、PNG 和 PDF 文件（收到 ${input.mimeType}）`, messageEn: `Only JPEG, PNG and PDF files are accepted (got ${input.mimeType})` });
  }
  // Base64 length bounds the decoded size: refuse before decoding anything huge.
  const b64 = (input.contentBase64 ?? '').replace(/\s+/g, '');
  if (b64.length > Math.ceil(MAX_EVIDENCE_BYTES / 3) * 4 + 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) {
    details.push({ field: 'contentBase64', messageZh: '文件内容须为不超过 10 MB 的 Base64', messageEn: 'contentBase64 must be Base64 of at most 10 MB' });
    return { ok: false, details };
  }
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length === 0) details.push({ field: 'contentBase64', messageZh: '文件为空', messageEn: 'The file is empty' });
  else if (bytes.length > MAX_EVIDENCE_BYTES) details.push({ field: 'contentBase64', messageZh: '文件超过 10 MB', messageEn: 'The file is larger than 10 MB' });
  else if (MAGIC[input.mimeType] && !MAGIC[input.mimeType](bytes)) {
    details.push({ field: 'contentBase64', messageZh: `文件内容与类型 ${input.mimeType} 不符`, messageEn: `The content is not a ${input.mimeType} file` });
  }
  if (details.length) return { ok: false, details };
  return { ok: true, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
