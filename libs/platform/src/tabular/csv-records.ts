/**
 * RFC 4180 CSV tokenizer over text chunks: quoted fields with doubled quotes and embedded line
 * breaks, CRLF / LF / CR line ends. The delimiter is guessed from the first line (comma, semicolon
 * or tab — European Excel writes semicolons, "Unicode text" export writes tabs).
 *
 * Records come in batches (all complete records of a chunk): one await per chunk instead of one
 * per record, and runs of plain characters are copied with slice, not char by char.
 */
export async function* csvRecordBatches(chunks: AsyncIterable<string>, delimiter?: string): AsyncGenerator<string[][]> {
  let sep = delimiter;
  let sepCode = sep?.charCodeAt(0) ?? 44;
  let field = '';
  let record: string[] = [];
  let inQuotes = false;
  let quotePending = false; // saw a quote inside a quoted field; the next char decides
  let lastWasCr = false;
  let pending = '';

  const tokenize = (text: string): string[][] => {
    const out: string[][] = [];
    const len = text.length;
    let i = 0;
    while (i < len) {
      if (inQuotes) {
        if (quotePending) {
          quotePending = false;
          if (text.charCodeAt(i) === 34) { field += '"'; i++; continue; }
          inQuotes = false; // that was the closing quote: handle text[i] as unquoted below
        } else {
          const q = text.indexOf('"', i);
          if (q < 0) { field += text.slice(i); i = len; continue; }
          field += text.slice(i, q);
          i = q + 1;
          quotePending = true;
          continue;
        }
      }
      const c = text.charCodeAt(i);
      if (lastWasCr) {
        lastWasCr = false;
        if (c === 10) { i++; continue; }
      }
      if (c === 34 && field.length === 0) { inQuotes = true; i++; continue; }
      if (c === sepCode) { record.push(field); field = ''; i++; continue; }
      if (c === 10 || c === 13) {
        record.push(field);
        field = '';
        out.push(record);
        record = [];
        lastWasCr = c === 13;
        i++;
        continue;
      }
      let j = i + 1;
      while (j < len) {
        const d = text.charCodeAt(j);
        if (d === sepCode || d === 10 || d === 13 || d === 34) break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
    return out;
  };

  for await (const chunk of chunks) {
    let text = chunk;
    if (sep === undefined) {
      pending += text;
      const lineEnd = pending.search(/[\r\n]/);
      if (lineEnd < 0 && pending.length < 65536) continue;
      sep = guessDelimiter(lineEnd < 0 ? pending : pending.slice(0, lineEnd));
      sepCode = sep.charCodeAt(0);
      text = pending;
      pending = '';
    }
    const batch = tokenize(text);
    if (batch.length) yield batch;
  }
  if (sep === undefined && pending.length) {
    // The whole file is shorter than one line end.
    sep = guessDelimiter(pending);
    sepCode = sep.charCodeAt(0);
    const batch = tokenize(pending);
    if (batch.length) yield batch;
  }
  if (field.length || record.length) {
    record.push(field);
    yield [record];
  }
}

/** The same records one at a time. */
export async function* csvRecords(chunks: AsyncIterable<string>, delimiter?: string): AsyncGenerator<string[]> {
  for await (const batch of csvRecordBatches(chunks, delimiter)) yield* batch;
}

function guessDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0].n > 0 ? counts[0].d : ',';
}
