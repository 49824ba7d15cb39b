import { readFileSync } from 'node:fs';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { DomainError } from '../errors/domain-error';
import { PdfErrorCode, type PdfFontSource, resolveCjkFont } from './cjk-font';

// pdfmake 0.2's server-side printer has no typings of its own (@types/pdfmake covers the browser build).
interface PdfPrinterInstance {
  createPdfKitDocument(doc: TDocumentDefinitions): NodeJS.ReadableStream & { end(): void };
}
type PdfPrinterClass = new (fonts: Record<string, unknown>) => PdfPrinterInstance;

export type PdfDocument = TDocumentDefinitions;

/** The font family name documents use; it is also the default, so most documents need not say it. */
export const CJK_FONT_FAMILY = 'NotoSansSC';

let printer: PdfPrinterInstance | undefined;

function cjkPrinter(): PdfPrinterInstance {
  if (!printer) {
    const font = resolveCjkFont();
    // Read each collection once per process: pdfkit would re-read the ~20 MB .ttc on every document.
    const files = new Map<string, Buffer>();
    const load = (source: PdfFontSource): [Buffer, string] | Buffer => {
      const [file, face] = Array.isArray(source) ? source : [source, undefined];
      const bytes = files.get(file) ?? readFileSync(file);
      files.set(file, bytes);
      return face ? [bytes, face] : bytes;
    };
    const normal = load(font.normal);
    const bold = load(font.bold);
    // Loaded on first use: pdfmake costs every process that never renders a PDF ~6 MB of heap.
    const PdfPrinter = require('pdfmake/src/printer') as PdfPrinterClass;
    printer = new PdfPrinter({ [CJK_FONT_FAMILY]: { normal, bold, italics: normal, bolditalics: bold } });
  }
  return printer;
}

/**
 * Renders a pdfmake document definition to a PDF buffer with the embedded CJK font (Chinese
 * renders; Latin and digits come from the same face). Throws PDF_CJK_FONT_MISSING when the font
 * is absent and PDF_RENDER_FAILED when pdfmake fails.
 */
export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  const withFont: TDocumentDefinitions = {
    ...doc,
    defaultStyle: { font: CJK_FONT_FAMILY, ...(doc.defaultStyle ?? {}) },
  };
  const pdfPrinter = cjkPrinter();
  return new Promise<Buffer>((resolve, reject) => {
    try {
      const pdf = pdfPrinter.createPdfKitDocument(withFont);
      const chunks: Buffer[] = [];
      pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
      pdf.on('end', () => resolve(Buffer.concat(chunks)));
      pdf.on('error', (error: unknown) => reject(renderFailed(error)));
      pdf.end();
    } catch (error) {
      reject(error instanceof DomainError ? error : renderFailed(error));
    }
  });
}

function renderFailed(error: unknown): DomainError {
  const why = error instanceof Error ? error.message : String(error);
  return new DomainError(PdfErrorCode.PDF_RENDER_FAILED, `PDF 生成失败：${why}`, `PDF rendering failed: ${why}`, [], 500);
}
