import { describe, expect, it } from 'vitest';
import { loadFlowText, loadFlowValue } from './load-flow.js';
import { testFlowJson } from './test-flow.js';

describe('loadFlowText', () => {
  it('loads a valid flow with no problems', () => {
    const loaded = loadFlowText(JSON.stringify(testFlowJson()));
    expect(loaded.problems).toEqual([]);
    expect(loaded.document?.id).toBe('test-flow');
    expect(loaded.migratedFrom).toBeUndefined();
  });

  it('ignores a UTF-8 byte-order mark some editors put first', () => {
    expect(loadFlowText(`\uFEFF${JSON.stringify(testFlowJson())}`).problems).toEqual([]);
  });

  it('says where JSON syntax breaks, by line and column', () => {
    expect(loadFlowText('{\n  "formatVersion": 2,\n  "id": "x"\n  "name": "y"\n}').problems).toEqual([
      { path: [], code: 'not-json', message: 'not valid JSON: line 4, column 3: expected "," or "}" but found \'"\' (a comma missing before it?)' },
    ]);
  });

  it.each([
    ['', 'not-json', 'the file is empty'],
    ['  \n\t', 'not-json', 'the file is empty'],
    ['{"a":\u0000}', 'not-json', 'the file is binary'],
    ['42', 'not-a-flow', 'not a number'],
    ['null', 'not-a-flow', 'not null'],
    ['[]', 'not-a-flow', 'not an array'],
  ])('answers %j with one %s problem', (text, code, message) => {
    const { problems, document } = loadFlowText(text);
    expect(document).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: [], code, message: expect.stringContaining(message) });
  });

  it('refuses absurdly deep nesting before any check can recurse into it', () => {
    const json = testFlowJson();
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    json.samples = { src: [deep] };
    const { problems } = loadFlowValue(json);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'invalid-document', message: expect.stringContaining('nested more than 100 levels deep') });
    expect(problems[0]!.path.slice(0, 3)).toEqual(['samples', 'src', 0]);
  });

  it('returns the document along with graph problems, so that a designer can still show it', () => {
    const json = testFlowJson() as { edges: unknown[] };
    json.edges = [];
    const loaded = loadFlowValue(json);
    expect(loaded.document).toBeDefined();
    expect(loaded.problems.length).toBeGreaterThan(0);
  });

  it('returns no document when the document schema fails, with every schema problem', () => {
    const loaded = loadFlowValue({ formatVersion: 2, id: '', nodes: 'none' });
    expect(loaded.document).toBeUndefined();
    expect(loaded.problems.map((p) => p.path.join('.'))).toEqual(['id', 'name', 'nodes']);
    expect(loaded.problems.map((p) => p.message)).toEqual(['must not be empty', 'is required (a string)', 'must be a list (JSON array), not the text "none"']);
  });

  it('names the place of a bad runbook note: an unknown failure class or a note that is not text', () => {
    const json = { ...testFlowJson(), runbooks: { validation: 'fine', upstream: 'x', delivery: 5 } };
    const { document, problems } = loadFlowValue(json);
    expect(document).toBeUndefined();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['runbooks', 'upstream'], message: expect.stringContaining('unknown field "upstream"') }),
        expect.objectContaining({ path: ['runbooks', 'delivery'], message: 'must be a string, not 5' }),
      ]),
    );
  });
});
