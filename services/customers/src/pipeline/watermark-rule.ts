/** Quotation evidence must carry an e-signature watermark within 3 minutes of its upload. */
export const WATERMARK_TOLERANCE_MS = 3 * 60 * 1000;

/** True when the watermark is no more than 3 minutes (either way) from the upload time. Pure. */
export function isWatermarkAcceptable(watermarkAt: Date, uploadedAt: Date): boolean {
  return Math.abs(uploadedAt.getTime() - watermarkAt.getTime()) <= WATERMARK_TOLERANCE_MS;
}
