/**
 * Pure rules of a sell-through receipt (终端动销): input checks, the signed-receipt image, the
 * territory (窜货) check and which unique index a duplicate-key error hit.
 */
import { createHash } from 'node:crypto';
import { DomainError, ErrorDetail } from '@lianxiao/platform';
import { PROVINCES, Province } from '@lianxiao/demo-data';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png'] as const;
export const ReceiptErrorCode = {
  DUPLICATE_RECEIPT_NUMBER: 'DUPLICATE_RECEIPT_NUMBER',
  DUPLICATE_RECEIPT_IMAGE: 'DUPLICATE_RECEIPT_IMAGE',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
} as const;

/** Unique index names; MariaDB names them in its duplicate-key message, SQLite names the columns. */
export const RECEIPT_NUMBER_INDEX = 'UQ_sell_through_receipt_number';
export const RECEIPT_IMAGE_INDEX = 'UQ_sell_through_receipt_image';
export const RECEIPT_IDEMPOTENCY_INDEX = 'UQ_sell_through_receipt_idempotency';

export function provinceByCode(code: string): Province | undefined {
  return PROVINCES.find((p) => p.code === code);
}

export interface ReceiptDraftInput {
  skuCode: string;
  quantity: number;
  unitPrice: number;
  endCustomerName: string;
  deliveryProvinceCode: string;
  deliveryCityCode?: string | null;
  receiptNumber: string;
  imageBase64: string;
  imageMimeType: string;
  idempotencyKey?: string | null;
}

export interface CheckedImage {
  bytes: Buffer;
  sha256: string;
  mimeType: string;
}

const isJpeg = (b: Buffer) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
const isPng = (b: Buffer) => b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

/** Decodes and checks the signed-receipt photo: base64, ≤ 5 MB, JPEG or PNG (declared and by its magic bytes). */
export function checkImage(imageBase64: string, imageMimeType: string): CheckedImage | ErrorDetail {
  const mimeType = (imageMimeType ?? '').trim().toLowerCase();
  if (!(IMAGE_MIME_TYPES as readonly string[]).includes(mimeType)) {
    return { field: 'imageMimeType', messageZh: '签收单图片须为 JPEG 或 PNG', messageEn: 'The receipt image must be JPEG or PNG' };
  }
  const text = (imageBase64 ?? '').replace(/^data:[^;]+;base64,/, '').replace(/\s+/g, '');
  // Cheap size check before decoding: 4 base64 chars carry 3 bytes.
  if (text.length > Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 4) {
    return { field: 'imageBase64', messageZh: '签收单图片不能超过 5 MB', messageEn: 'The receipt image must not exceed 5 MB' };
  }
  if (!text.length || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
    return { field: 'imageBase64', messageZh: '签收单图片不是有效的 Base64 内容', messageEn: 'The receipt image is not valid base64' };
  }
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length > MAX_IMAGE_BYTES) {
    return { field: 'imageBase64', messageZh: '签收单图片不能超过 5 MB', messageEn: 'The receipt image must not exceed 5 MB' };
  }
  if ((mimeType === 'image/jpeg' && !isJpeg(bytes)) || (mimeType === 'image/png' && !isPng(bytes))) {
    return { field: 'imageBase64', messageZh: '签收单图片内容与声明的格式不符', messageEn: 'The receipt image content does not match its declared type' };
  }
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), mimeType };
}

/** Field checks that need no database; throws VALIDATION_FAILED listing every problem. */
export function checkReceiptInput(input: ReceiptDraftInput): CheckedImage {
  const details: ErrorDetail[] = [];
  if (!Number.isInteger(input.quantity) || input.quantity <= 0) details.push({ field: 'quantity', messageZh: '数量须为大于 0 的整数', messageEn: 'quantity must be a whole number greater than 0' });
  if (!Number.isFinite(input.unitPrice) || input.unitPrice < 0 || Math.abs(input.unitPrice * 100 - Math.round(input.unitPrice * 100)) > 1e-6) {
    details.push({ field: 'unitPrice', messageZh: '单价须为不小于 0、最多两位小数的金额', messageEn: 'unitPrice must be an amount ≥ 0 with at most 2 decimals' });
  }
  if (!input.skuCode?.trim()) details.push({ field: 'skuCode', messageZh: '请填写产品编码', messageEn: 'skuCode is required' });
  const customer = input.endCustomerName?.trim() ?? '';
  if (!customer || customer.length > 128) details.push({ field: 'endCustomerName', messageZh: '终端客户名称须为 1–128 个字符', messageEn: 'endCustomerName must be 1–128 characters' });
  const receiptNumber = input.receiptNumber?.trim() ?? '';
  if (!receiptNumber || receiptNumber.length > 64) details.push({ field: 'receiptNumber', messageZh: '签收单号须为 1–64 个字符', messageEn: 'receiptNumber must be 1–64 characters' });
  if (input.idempotencyKey != null && (!input.idempotencyKey.trim() || input.idempotencyKey.length > 64)) {
    details.push({ field: 'idempotencyKey', messageZh: '幂等键须为 1–64 个字符', messageEn: 'idempotencyKey must be 1–64 characters' });
  }
  const province = provinceByCode(input.deliveryProvinceCode);
  if (!province) {
    details.push({ field: 'deliveryProvinceCode', messageZh: `收货省份代码 ${input.deliveryProvinceCode} 不是有效的 GB/T 2260 省级代码`, messageEn: `deliveryProvinceCode ${input.deliveryProvinceCode} is not a GB/T 2260 province code` });
  } else if (input.deliveryCityCode && !province.cities.some((c) => c.code === input.deliveryCityCode)) {
    details.push({ field: 'deliveryCityCode', messageZh: `城市代码 ${input.deliveryCityCode} 不属于${province.name}`, messageEn: `deliveryCityCode ${input.deliveryCityCode} is not a city of province ${province.code}` });
  }
  const image = checkImage(input.imageBase64, input.imageMimeType);
  if (!('sha256' in image)) details.push(image);
  if (details.length) throw DomainError.validation(details);
  return image as CheckedImage;
}

export interface TerritoryEntry {
  provinceCode: string;
  provinceName?: string;
}

export interface TerritoryVerdict {
  crossRegion: boolean;
  confidence: number | null;
  reason: string | null;
}

/**
 * 窜货 check at province level: inside one of the dealer's provinces is fine; outside is flagged,
 * with confidence 1.0 when the province lies in another sales region and 0.7 in the dealer's own
 * region (neighbouring dealers' borders are fuzzier there).
 */
export function checkTerritory(dealerRegion: string, territories: readonly TerritoryEntry[], deliveryProvinceCode: string): TerritoryVerdict {
  if (territories.some((t) => t.provinceCode === deliveryProvinceCode)) return { crossRegion: false, confidence: null, reason: null };
  const province = provinceByCode(deliveryProvinceCode);
  const provinceName = province?.name ?? deliveryProvinceCode;
  const own = territories.map((t) => t.provinceName ?? provinceByCode(t.provinceCode)?.name ?? t.provinceCode).join('、') || '无';
  if (province && province.region === dealerRegion) {
    return { crossRegion: true, confidence: 0.7, reason: `疑似窜货：收货省份${provinceName}不在经销商授权区域（${own}）内，但同属${dealerRegion}大区` };
  }
  return {
    crossRegion: true,
    confidence: 1.0,
    reason: `窜货：收货省份${provinceName}（${province?.region ?? '未知'}大区）不在经销商授权区域（${own}）内，且不属于经销商所在的${dealerRegion}大区`,
  };
}

export type DuplicateKind = 'receiptNumber' | 'image' | 'idempotency';

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = String(e?.code ?? e?.driverError?.code ?? '');
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT');
}

/** Which of the receipt's unique indexes a duplicate-key error hit, from the driver's message; null if unknown. */
export function duplicateKindOf(error: unknown): DuplicateKind | null {
  if (!isUniqueViolation(error)) return null;
  const e = error as { message?: string; sqlMessage?: string; driverError?: { message?: string; sqlMessage?: string } };
  const text = [e.message, e.sqlMessage, e.driverError?.message, e.driverError?.sqlMessage].filter(Boolean).join(' ');
  if (text.includes(RECEIPT_IDEMPOTENCY_INDEX) || text.includes('.idempotencyKey')) return 'idempotency';
  if (text.includes(RECEIPT_NUMBER_INDEX) || text.includes('.receiptNumber')) return 'receiptNumber';
  if (text.includes(RECEIPT_IMAGE_INDEX) || text.includes('.imageSha256')) return 'image';
  return null;
}

export function duplicateError(kind: 'receiptNumber' | 'image', receiptNumber: string): DomainError {
  return kind === 'receiptNumber'
    ? new DomainError(ReceiptErrorCode.DUPLICATE_RECEIPT_NUMBER, `签收单号 ${receiptNumber} 已被登记过，不能重复上报`, `Receipt number ${receiptNumber} has already been recorded and cannot be reported again`, [{ field: 'receiptNumber', messageZh: '签收单号重复', messageEn: 'duplicate receipt number' }], 409)
    : new DomainError(ReceiptErrorCode.DUPLICATE_RECEIPT_IMAGE, '该签收单图片已被登记过，不能重复上报', 'This receipt image has already been recorded and cannot be reported again', [{ field: 'imageBase64', messageZh: '签收单图片重复', messageEn: 'duplicate receipt image' }], 409);
}

export function idempotencyReusedError(key: string): DomainError {
  return new DomainError(ReceiptErrorCode.IDEMPOTENCY_KEY_REUSED, `幂等键 ${key} 已用于另一笔不同内容的签收单`, `Idempotency key ${key} was already used for a different receipt`, [{ field: 'idempotencyKey', messageZh: '幂等键已被使用', messageEn: 'idempotency key already used' }], 409);
}

/** Fingerprint of what the dealer sent, to tell an honest retry from a reused idempotency key. */
export function payloadHashOf(input: ReceiptDraftInput, imageSha256: string): string {
  const canonical = JSON.stringify([
    input.skuCode.trim(), input.quantity, Math.round(input.unitPrice * 100), input.endCustomerName.trim(),
    input.deliveryProvinceCode, input.deliveryCityCode ?? null, input.receiptNumber.trim(), imageSha256,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
