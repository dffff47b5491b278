import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv-reader.js';
import { readJsonArray } from './json-array-reader.js';
import { readLines } from './line-reader.js';

/** A stream that hands out its text in small, awkward chunks (splitting lines, strings and UTF-8 characters). */
const chunked = (text: string, size = 3) => {
  const bytes = Buffer.from(text);
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
};
const all = async <T>(gen: AsyncGenerator<T>) => {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
};

describe('line reader', () => {
  it('splits across chunks, handles CRLF and multi-byte characters, and numbers lines', async () => {
    const lines = await all(readLines(chunked('{"a":"ä"}\r\n\n{"b":"€"}'), 1000));
    expect(lines.map((l) => [l.lineNo, l.text])).toEqual([[1, '{"a":"ä"}'], [2, ''], [3, '{"b":"€"}']]);
  });

  it('reports an over-long line with its size without buffering it', async () => {
    const lines = await all(readLines(chunked(`short\n${'x'.repeat(5000)}\nafter`, 256), 100));
    expect(lines[1]).toMatchObject({ lineNo: 2, text: undefined, bytes: 5000 });
    expect(lines[1]!.head.startsWith('xxx')).toBe(true);
    expect(lines[2]!.text).toBe('after');
  });
});

describe('JSON array reader', () => {
  it('streams elements, whatever their type, with strings holding brackets and commas', async () => {
    const text = '[ {"a": "x,]}"}, [1, 2], "s\\"]", 3 , null ]';
    const elements = await all(readJsonArray(chunked(text, 4), 1000));
    expect(elements.map((e) => JSON.parse(e.text!) as unknown)).toEqual([{ a: 'x,]}' }, [1, 2], 's"]', 3, null]);
  });

  it('reads an empty array and rejects a file that is not an array', async () => {
    expect(await all(readJsonArray(chunked('  [ ] '), 100))).toEqual([]);
    await expect(all(readJsonArray(chunked('{"a":1}'), 100))).rejects.toThrow(/not a JSON array/);
  });
});

describe('CSV reader', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', async () => {
    const text = 'id,name,note\n1,"Smith, Ann","said ""hi"""\r\n2,Bo,"two\nlines"\n';
    const records = await all(readCsv(chunked(text, 5), ',', 10_000));
    expect(records.map((r) => r.fields)).toEqual([['id', 'name', 'note'], ['1', 'Smith, Ann', 'said "hi"'], ['2', 'Bo', 'two\nlines']]);
    expect(records.map((r) => r.lineNo)).toEqual([1, 2, 3]);
  });

  it('honours another delimiter', async () => {
    expect((await all(readCsv(chunked('a;b\n1;2'), ';', 100))).map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
  });
});
