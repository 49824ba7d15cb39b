import iconv from 'iconv-lite';

export type TextEncodingName = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

/**
 * Decides how a CSV was encoded from its first bytes. Excel on a Chinese Windows saves "CSV" in
 * the ANSI code page (GBK); Excel "CSV UTF-8" adds a BOM; other tools write plain UTF-8. A sample
 * that is not valid UTF-8 is taken as GB18030 (a superset of GBK and GB2312).
 */
export function detectTextEncoding(sample: Buffer): DetectedEncoding {
  if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf8', bomLength: 3 };
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf16le', bomLength: 2 };
  if (sample.length >= 2 && sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf16be', bomLength: 2 };
  return { encoding: isValidUtf8(sample) ? 'utf8' : 'gb18030', bomLength: 0 };
}

/** Strict UTF-8 check that tolerates a multi-byte sequence cut off at the end of the sample. */
export function isValidUtf8(bytes: Buffer): boolean {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return false;
    if (i + need >= n) {
      // Truncated at the end of the sample: accept if the bytes present are continuations.
      for (let k = i + 1; k < n; k++) if ((bytes[k] & 0xc0) !== 0x80) return false;
      return true;
    }
    for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return false;
    i += need + 1;
  }
  return true;
}

/** A streaming decoder for the detected encoding (handles characters split across chunks). */
export function createTextDecoder(encoding: TextEncodingName): { write(chunk: Buffer): string; end(): string } {
  const decoder = iconv.getDecoder(encoding === 'utf16be' ? 'utf-16be' : encoding);
  return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
}

/** Encodes text for tests and for "download template" in GBK. */
export function encodeText(text: string, encoding: TextEncodingName): Buffer {
  return iconv.encode(text, encoding === 'utf16be' ? 'utf-16be' : encoding);
}
