/// <reference types="vite/client" />
// The corpus of broken flow files: each must produce exactly the problems expected.json lists for it — the
// path, the code and a fragment of the sentence an analyst reads. Files are read as text (Vite's ?raw import)
// because this package may not use Node's fs, and because the text path is what `seam validate` exercises.
import { describe, expect, it } from 'vitest';
import { formatPath, loadFlowText } from '../src/index.js';

interface ExpectedProblem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

const texts = import.meta.glob<string>(['./fixtures/broken/*.json', '!./fixtures/broken/expected.json'], {
  eager: true, query: '?raw', import: 'default',
});
const expectedTable = import.meta.glob<Record<string, ExpectedProblem[]>>('./fixtures/broken/expected.json', {
  eager: true, import: 'default',
})['./fixtures/broken/expected.json']!;

const fixtures = Object.entries(texts).map(([file, text]) => ({ name: file.replace('./fixtures/broken/', ''), text }));

describe('broken flow corpus', () => {
  it('holds at least 30 broken flows, each with its expectation and vice versa', () => {
    const expectedNames = Object.keys(expectedTable).filter((k) => !k.startsWith('$')).sort();
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
    expect(fixtures.map((f) => f.name).sort()).toEqual(expectedNames);
  });

  it.each(fixtures)('$name reports exactly its expected problems', ({ name, text }) => {
    const expected = expectedTable[name] ?? [];
    const loaded = loadFlowText(text);
    const actual = loaded.problems.map((p) => ({ path: formatPath(p.path), code: p.code, message: p.message }));
    const key = (p: { path: string; code: string }) => `${p.path} ${p.code}`;
    expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
    for (const want of expected) {
      const got = actual.find((p) => key(p) === key(want));
      expect(got?.message).toContain(want.message);
    }
  });

  it('reports every problem on a single line, so that `seam validate` prints one line each', () => {
    for (const { text } of fixtures) {
      for (const p of loadFlowText(text).problems) expect(p.message).not.toMatch(/\n/);
    }
  });
});
