import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PdfErrorCode, renderPdf, resolveCjkFont } from './index';

describe('renderPdf', () => {
  it('renders Chinese text that pdftotext reads back', async () => {
    const pdf = await renderPdf({
      content: [
        { text: '对账单 2026-10', style: 'title' },
        { table: { body: [['期初余额', '¥1,234.50'], ['本期付款', '¥200.00']] } },
      ],
      styles: { title: { fontSize: 16, bold: true } },
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'pdf-spec-'));
    const file = join(dir, 'a.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('对账单 2026-10');
    expect(text).toContain('期初余额');
    expect(text).toContain('1,234.50');
  });

  it('refuses with PDF_CJK_FONT_MISSING when no CJK font exists', () => {
    expect(() => resolveCjkFont({ PDF_CJK_FONT: '/nonexistent/font.ttc' })).toThrow(
      expect.objectContaining({ code: PdfErrorCode.PDF_CJK_FONT_MISSING }),
    );
  });
});
