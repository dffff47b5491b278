import type { Readable } from 'node:stream';

export interface Line {
  /** 1-based line number in the file. */
  readonly lineNo: number;
  /** The line's text, or undefined when it was longer than the limit (its bytes are still counted). */
  readonly text: string | undefined;
  readonly bytes: number;
  /** Start of the line, for an excerpt of an over-long line. */
  readonly head: string;
}

const HEAD_CHARS = 256;

/**
 * Splits a byte stream into lines without ever holding more than `maxLineBytes` of one line: an over-long line
 * is reported (with its length and first characters) instead of buffered whole, so a 1 GB line cannot exhaust
 * memory. Handles \n and \r\n; multi-byte characters split across chunks are joined before decoding.
 */
export async function* readLines(stream: Readable, maxLineBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  let head = '';
  let lineNo = 0;
  // `whole`: the line lies inside one chunk and is decoded in place (no copy through Buffer.concat).
  const finish = (whole?: Buffer): Line => {
    lineNo += 1;
    let text: string | undefined;
    if (!overflow) {
      text = whole !== undefined ? whole.toString('utf8') : Buffer.concat(parts, size).toString('utf8');
      if (text.endsWith('\r')) text = text.slice(0, -1);
      head = text.slice(0, HEAD_CHARS);
    }
    const line = { lineNo, text, bytes: size, head };
    parts = [];
    size = 0;
    overflow = false;
    head = '';
    return line;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      const end = nl === -1 ? chunk.length : nl;
      const piece = chunk.subarray(start, end);
      if (!overflow && size + piece.length > maxLineBytes) {
        head = Buffer.concat([...parts, piece]).subarray(0, HEAD_CHARS * 4).toString('utf8').slice(0, HEAD_CHARS);
        overflow = true;
        parts = [];
      }
      if (nl !== -1 && !overflow && parts.length === 0) {
        // The common case: a whole line between two newlines of one chunk.
        size = piece.length;
        yield finish(piece);
        start = nl + 1;
        continue;
      }
      if (!overflow) parts.push(piece);
      size += piece.length;
      if (nl === -1) break;
      yield finish();
      start = nl + 1;
    }
  }
  if (size > 0 || parts.length > 0) yield finish();
}
