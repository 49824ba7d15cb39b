import { isWatermarkAcceptable } from './watermark-rule';

describe('quotation watermark: within 3 minutes of the upload', () => {
  const uploadedAt = new Date('2026-11-23T10:00:00Z');
  const offset = (ms: number) => new Date(uploadedAt.getTime() + ms);

  it('2:59 before or after is accepted', () => {
    expect(isWatermarkAcceptable(offset(-179_000), uploadedAt)).toBe(true);
    expect(isWatermarkAcceptable(offset(179_000), uploadedAt)).toBe(true);
  });

  it('exactly 3:00 is accepted (only "more than 3 minutes" is refused)', () => {
    expect(isWatermarkAcceptable(offset(-180_000), uploadedAt)).toBe(true);
  });

  it('3:01 before or after is refused', () => {
    expect(isWatermarkAcceptable(offset(-181_000), uploadedAt)).toBe(false);
    expect(isWatermarkAcceptable(offset(181_000), uploadedAt)).toBe(false);
  });
});
