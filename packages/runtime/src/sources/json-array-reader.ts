import type { Readable } from 'node:stream';
import { FlowError } from '@seam/flow';

export interface ArrayElement {
  /** 0-based index in the array. */
  readonly index: number;
  /** The element's JSON text, or undefined when it was larger than the limit. */
  readonly text: string | undefined;
  readonly bytes: number;
}

const enum State { BeforeArray, BeforeElement, InElement, AfterElement, Done }

/**
 * Streams the elements of a top-level JSON array as text, one at a time, tracking strings and nesting so that
 * only the current element is ever held in memory (and not even that beyond `maxElementBytes`).
 */
export async function* readJsonArray(stream: Readable, maxElementBytes: number): AsyncGenerator<ArrayElement> {
  let state: State = State.BeforeArray;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let text = '';
  let bytes = 0;
  let overflow = false;
  let index = 0;
  const element = (): ArrayElement => {
    const e = { index, text: overflow ? undefined : text.trim(), bytes };
    index += 1;
    text = '';
    bytes = 0;
    overflow = false;
    return e;
  };
  stream.setEncoding('utf8');
  for await (const chunk of stream as AsyncIterable<string>) {
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (state === State.InElement) {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) inString = false;
          continue;
        }
        if (c === 34) inString = true;
        else if (c === 123 || c === 91) depth += 1;
        else if (c === 125 || c === 93) {
          if (depth === 0) {
            // The closing bracket of the array itself.
            appendPiece(chunk.slice(from, i));
            yield element();
            state = State.Done;
            break;
          }
          depth -= 1;
        } else if (c === 44 && depth === 0) {
          appendPiece(chunk.slice(from, i));
          yield element();
          state = State.BeforeElement;
        }
        continue;
      }
      if (c === 32 || c === 9 || c === 10 || c === 13) continue;
      if (state === State.BeforeArray) {
        if (c !== 91) throw new FlowError('the file is not a JSON array: it must start with "["', { errorClass: 'validation' });
        state = State.BeforeElement;
      } else if (state === State.BeforeElement) {
        if (c === 93 && index === 0) {
          state = State.Done;
          break;
        }
        state = State.InElement;
        from = i;
        i -= 1;
      } else if (state === State.Done) {
        break;
      }
    }
    if (state === State.InElement) appendPiece(chunk.slice(from));
    if (state === State.Done) break;
  }
  if (state === State.InElement || state === State.BeforeElement) {
    throw new FlowError(`the JSON array ends early: element ${index} is incomplete`, { errorClass: 'validation' });
  }

  function appendPiece(piece: string) {
    bytes += Buffer.byteLength(piece);
    if (!overflow && bytes > maxElementBytes) {
      overflow = true;
      text = '';
    }
    if (!overflow) text += piece;
  }
}
