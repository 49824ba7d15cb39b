import { createRequire } from 'node:module';

/**
 * unzipper's streaming `Parse` (which exceljs' streaming workbook reader uses) emits 'end' by hand
 * as soon as it has parsed the zip's last record, even when entries it already pushed have not
 * been read yet (node-unzipper issue #191). A consumer that does anything slow per entry, such as
 * exceljs writing a worksheet to a temp file until the shared strings arrive, then sees 'end' and
 * stops early. The entries after that point are dropped: the workbook part, styles, or later
 * sheets. Reading then fails at random with "Cannot read properties of undefined (reading
 * 'sheets')", or silently returns dates as numbers. Under CPU load, about 1 read in 700 failed.
 *
 * This lets only the stream's own 'end' through, the one Node emits once every pushed entry has
 * been read (`readableEnded` is set just before it).
 */
export function guardEndOfStream<S extends NodeJS.ReadableStream & { readableEnded: boolean }>(stream: S): S {
  const emit = stream.emit;
  stream.emit = function (this: S, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'end' && !this.readableEnded) return false;
    return emit.call(this, event, ...args);
  } as S['emit'];
  return stream;
}

interface UnzipperModule {
  Parse: (options?: object) => NodeJS.ReadableStream & { readableEnded: boolean };
}

const GUARDED = Symbol.for('lianxiao.unzipper-end-guard');

/** Makes every `unzipper.Parse` that exceljs creates wait for its real end. Idempotent: the mark is on unzipper itself. */
export function installZipEndGuard(): void {
  const unzipper = createRequire(require.resolve('exceljs'))('unzipper') as UnzipperModule & { [GUARDED]?: true };
  if (unzipper[GUARDED]) return;
  const parse = unzipper.Parse;
  unzipper.Parse = (options?: object) => guardEndOfStream(parse(options));
  unzipper[GUARDED] = true;
}
