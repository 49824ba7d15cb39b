import { DomainError } from '@lianxiao/platform';
import {
  checkImage, checkReceiptInput, checkTerritory, duplicateKindOf, isUniqueViolation, MAX_IMAGE_BYTES, payloadHashOf, ReceiptDraftInput,
} from './receipt-rules';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 9]);
const draft = (over: Partial<ReceiptDraftInput> = {}): ReceiptDraftInput => ({
  skuCode: 'WJ-001', quantity: 10, unitPrice: 12.5, endCustomerName: '福州某五金店', deliveryProvinceCode: '350000',
  receiptNumber: 'R-1', imageBase64: PNG.toString('base64'), imageMimeType: 'image/png', idempotencyKey: 'k1', ...over,
});

describe('territory check (窜货)', () => {
  // dealer05: 福建 (华东) plus its neighbour 上海
  const territories = [{ provinceCode: '350000', provinceName: '福建省' }, { provinceCode: '310000', provinceName: '上海市' }];

  it('passes a delivery inside the territory', () => {
    expect(checkTerritory('华东', territories, '310000')).toEqual({ crossRegion: false, confidence: null, reason: null });
  });

  it('flags another region with confidence 1.0 and a zh reason', () => {
    const v = checkTerritory('华东', territories, '440000');
    expect(v.crossRegion).toBe(true);
    expect(v.confidence).toBe(1);
    expect(v.reason).toContain('广东省');
    expect(v.reason).toContain('窜货');
    expect(v.reason).toContain('福建省、上海市');
  });

  it('flags the same region outside the territory with confidence 0.7', () => {
    const v = checkTerritory('华东', territories, '320000');
    expect(v).toMatchObject({ crossRegion: true, confidence: 0.7 });
    expect(v.reason).toContain('同属华东大区');
  });
});

describe('receipt input and image', () => {
  it('accepts a valid draft and hashes the image bytes', () => {
    const image = checkReceiptInput(draft());
    expect(image.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(checkReceiptInput(draft({ imageBase64: JPEG.toString('base64'), imageMimeType: 'image/jpeg' })).mimeType).toBe('image/jpeg');
  });

  it('lists every problem at once', () => {
    try {
      checkReceiptInput(draft({ quantity: 0, deliveryProvinceCode: '999999', imageMimeType: 'image/gif', receiptNumber: ' ' }));
      fail('expected a refusal');
    } catch (e) {
      const fields = (e as DomainError).details.map((d) => d.field);
      expect((e as DomainError).code).toBe('VALIDATION_FAILED');
      expect(fields).toEqual(expect.arrayContaining(['quantity', 'deliveryProvinceCode', 'imageMimeType', 'receiptNumber']));
    }
  });

  it('refuses a city outside the province, a fractional quantity and a negative price', () => {
    expect(() => checkReceiptInput(draft({ deliveryCityCode: '440100' }))).toThrow(DomainError);
    expect(() => checkReceiptInput(draft({ quantity: 1.5 }))).toThrow(DomainError);
    expect(() => checkReceiptInput(draft({ unitPrice: -1 }))).toThrow(DomainError);
  });

  it('refuses an image over 5 MB, bad base64 and content that is not the declared type', () => {
    const big = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    PNG.copy(big);
    expect(checkImage(big.toString('base64'), 'image/png')).toMatchObject({ field: 'imageBase64', messageEn: expect.stringContaining('5 MB') });
    expect(checkImage('not base64!!', 'image/png')).toMatchObject({ field: 'imageBase64' });
    expect(checkImage(PNG.toString('base64'), 'image/jpeg')).toMatchObject({ messageEn: expect.stringContaining('does not match') });
  });
});

describe('duplicate detection', () => {
  it('recognises unique violations of SQLite and MariaDB and which index they hit', () => {
    const sqlite = (cols: string) => Object.assign(new Error(`SQLITE_CONSTRAINT: UNIQUE constraint failed: ${cols}`), { code: 'SQLITE_CONSTRAINT' });
    const maria = (key: string) => Object.assign(new Error(`Duplicate entry 'x' for key '${key}'`), { code: 'ER_DUP_ENTRY' });
    expect(duplicateKindOf(sqlite('sell_through_receipt.receiptNumber'))).toBe('receiptNumber');
    expect(duplicateKindOf(sqlite('sell_through_receipt.imageSha256'))).toBe('image');
    expect(duplicateKindOf(sqlite('sell_through_receipt.dealerId, sell_through_receipt.idempotencyKey'))).toBe('idempotency');
    expect(duplicateKindOf(maria('UQ_sell_through_receipt_number'))).toBe('receiptNumber');
    expect(duplicateKindOf(maria('sell_through_receipt.UQ_sell_through_receipt_image'))).toBe('image');
    expect(duplicateKindOf({ driverError: { code: 'ER_DUP_ENTRY', sqlMessage: "for key 'UQ_sell_through_receipt_idempotency'" }, code: 'ER_DUP_ENTRY' })).toBe('idempotency');
    expect(isUniqueViolation(new Error('boom'))).toBe(false);
    expect(duplicateKindOf(new Error('boom'))).toBeNull();
  });

  it('fingerprints the payload: same content same hash, any change a different one', () => {
    const h = payloadHashOf(draft(), 'abc');
    expect(payloadHashOf(draft({ endCustomerName: ' 福州某五金店 ' }), 'abc')).toBe(h);
    expect(payloadHashOf(draft({ quantity: 11 }), 'abc')).not.toBe(h);
    expect(payloadHashOf(draft(), 'abd')).not.toBe(h);
  });
});
