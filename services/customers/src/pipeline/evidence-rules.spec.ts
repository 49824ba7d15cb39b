import { createHash } from 'node:crypto';
import { checkEvidenceFile, MAX_EVIDENCE_BYTES } from './evidence-rules';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest')]);
const input = (over: Partial<{ type: string; fileName: string; mimeType: string; contentBase64: string }> = {}) => ({
  type: 'CONTRACT_SEAL_SCAN', fileName: 'seal.png', mimeType: 'image/png', contentBase64: PNG.toString('base64'), ...over,
});

describe('evidence file rules', () => {
  it('accepts a PNG and hashes it with SHA-256', () => {
    const check = checkEvidenceFile(input());
    expect(check).toMatchObject({ ok: true, sha256: createHash('sha256').update(PNG).digest('hex') });
  });

  it('refuses a MIME type outside the allow-list', () => {
    const check = checkEvidenceFile(input({ mimeType: 'application/zip' }));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.details.map((d) => d.field)).toContain('mimeType');
  });

  it('refuses content that does not match the declared type, and an unknown evidence type', () => {
    const check = checkEvidenceFile(input({ mimeType: 'application/pdf', type: 'SELFIE' }));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.details.map((d) => d.field).sort()).toEqual(['contentBase64', 'type']);
  });

  it('refuses more than 10 MB and accepts exactly 10 MB', () => {
    const big = Buffer.alloc(MAX_EVIDENCE_BYTES + 1);
    Buffer.from('%PDF-').copy(big);
    expect(checkEvidenceFile(input({ mimeType: 'application/pdf', contentBase64: big.toString('base64') })).ok).toBe(false);
    expect(checkEvidenceFile(input({ mimeType: 'application/pdf', contentBase64: big.subarray(0, MAX_EVIDENCE_BYTES).toString('base64') })).ok).toBe(true);
  });

  it('refuses an empty file', () => {
    expect(checkEvidenceFile(input({ contentBase64: '' })).ok).toBe(false);
  });
});
