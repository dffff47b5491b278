import type { Readable } from 'node:stream';

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  readonly lineNo: number;
  readonly fields: string[];
  /** Set when the record grew past the limit: its fields were dropped. */
  readonly tooLarge?: number;
}

/**
 * Streams RFC 4180 records: quoted fields may hold the delimiter, "" and line breaks. Holds one record at a time,
 * never more than `maxRecordBytes` of it.
 */
export async function* readCsv(stream: Readable, delimiter: string, maxRecordBytes: number): AsyncGenerator<CsvRecord> {
  const sep = delimiter.charCodeAt(0);
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let quoteSeen = false;
  let size = 0;
  let line = 1;
  let startLine = 1;
  let any = false;
  const endField = () => {
    if (size <= maxRecordBytes) fields.push(field);
    field = '';
    quoteSeen = false;
  };
  const endRecord = (): CsvRecord | undefined => {
    endField();
    const record: CsvRecord = size > maxRecordBytes ? { lineNo: startLine, fields: [], tooLarge: size } : { lineNo: startLine, fields };
    const empty = !any;
    fields = [];
    size = 0;
    any = false;
    startLine = line;
    return empty ? undefined : record;
  };
  stream.setEncoding('utf8');
  for await (const chunk of stream as AsyncIterable<string>) {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      const c = chunk.charCodeAt(i);
      size += 1;
      if (quoted) {
        if (c === 34) {
          quoted = false;
          quoteSeen = true;
        } else {
          if (c === 10) line += 1;
          if (size <= maxRecordBytes) field += ch;
        }
        continue;
      }
      if (c === 34) {
        // A doubled quote inside a quoted field is one literal quote.
        if (quoteSeen && size <= maxRecordBytes) field += '"';
        quoted = true;
        any = true;
      } else if (c === sep) {
        endField();
        any = true;
      } else if (c === 10) {
        line += 1;
        const record = endRecord();
        if (record) yield record;
      } else if (c !== 13) {
        if (size <= maxRecordBytes) field += ch;
        any = true;
      }
    }
  }
  const last = endRecord();
  if (last) yield last;
}
