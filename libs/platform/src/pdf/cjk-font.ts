import { existsSync } from 'node:fs';
import { DomainError } from '../errors/domain-error';

/** Where Debian's fonts-noto-cjk puts the collections (Alpine / Fedora paths as fall-backs). */
const CANDIDATE_DIRS = [
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/noto-cjk',
  '/usr/share/fonts/google-noto-cjk',
  '/usr/share/fonts/truetype/noto',
];

export const PdfErrorCode = {
  PDF_CJK_FONT_MISSING: 'PDF_CJK_FONT_MISSING',
  PDF_RENDER_FAILED: 'PDF_RENDER_FAILED',
} as const;

/** A pdfmake font descriptor: a file path, or [collection path, face name inside the .ttc]. */
export type PdfFontSource = string | [string, string];

export interface CjkFontFiles {
  normal: PdfFontSource;
  bold: PdfFontSource;
}

/**
 * Finds the Simplified-Chinese face of Noto Sans CJK. `PDF_CJK_FONT` (a .ttf/.otf path, or a
 * .ttc path — the SC face is then taken from it) overrides the search. Without a CJK font every
 * Chinese glyph would print as a box, so we refuse with a clear code instead.
 */
export function resolveCjkFont(env: Record<string, string | undefined> = process.env): CjkFontFiles {
  const override = env.PDF_CJK_FONT?.trim();
  if (override) {
    if (!existsSync(override)) throw cjkFontMissing([override]);
    const source: PdfFontSource = override.toLowerCase().endsWith('.ttc') ? [override, 'NotoSansCJKsc-Regular'] : override;
    return { normal: source, bold: source };
  }
  const tried: string[] = [];
  for (const dir of CANDIDATE_DIRS) {
    const regular = `${dir}/NotoSansCJK-Regular.ttc`;
    tried.push(regular);
    if (!existsSync(regular)) continue;
    const boldFile = `${dir}/NotoSansCJK-Bold.ttc`;
    return {
      normal: [regular, 'NotoSansCJKsc-Regular'],
      bold: existsSync(boldFile) ? [boldFile, 'NotoSansCJKsc-Bold'] : [regular, 'NotoSansCJKsc-Regular'],
    };
  }
  throw cjkFontMissing(tried);
}

function cjkFontMissing(tried: string[]): DomainError {
  return new DomainError(
    PdfErrorCode.PDF_CJK_FONT_MISSING,
    `未找到中文字体（已查找 ${tried.join(', ')}），请安装 fonts-noto-cjk 或设置 PDF_CJK_FONT`,
    `No CJK font found (looked for ${tried.join(', ')}); install fonts-noto-cjk or set PDF_CJK_FONT`,
    [],
    500,
  );
}
