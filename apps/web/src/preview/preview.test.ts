import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '@seam/flow';
import { evaluateJsonata } from './evaluate-jsonata';
import { nodeInputs } from './sample-inputs';
import { checkSamples } from './check-samples';

const flow: FlowDocument = {
  formatVersion: 2, id: 'f', name: 'F', description: '',
  nodes: [
    { id: 'hook', type: 'webhook', config: {} },
    { id: 'inline', type: 'inline', config: { messages: [{ first: 'Grace', last: 'Hopper' }] } },
    { id: 'map', type: 'jsonata', config: { expression: '{"name": first & " " & last}' } },
    { id: 'check', type: 'json-schema', config: { schema: { type: 'object' } } },
    { id: 'upper', type: 'jsonata', config: { expression: '{"name": $uppercase(name)}' } },
  ],
  edges: [{ from: 'hook', to: 'map' }, { from: 'inline', to: 'map' }, { from: 'map', to: 'check' }, { from: 'check', to: 'upper' }],
  contracts: {}, samples: { hook: [{ first: 'Ada', last: 'Lovelace' }] }, layout: { nodes: {} },
};

describe('live preview inputs', () => {
  it('feeds a node the samples of every source upstream, through the mappings on the way', async () => {
    expect(await nodeInputs(flow, 'map')).toEqual([{ first: 'Ada', last: 'Lovelace' }, { first: 'Grace', last: 'Hopper' }]);
    expect(await nodeInputs(flow, 'upper')).toEqual([{ name: 'Ada Lovelace' }, { name: 'Grace Hopper' }]);
  });

  it('has nothing for a node no source reaches', async () => {
    expect(await nodeInputs(flow, 'hook')).toEqual([]);
  });
});

describe('JSONata in the browser', () => {
  it('evaluates, and reports a parse error with its position', async () => {
    expect(await evaluateJsonata('a + 1', { a: 1 })).toEqual({ ok: true, value: 2, engine: { mode: 'compiled' } });
    const forced = await evaluateJsonata('a + 1', { a: 1 }, { timeoutMs: 200, maxDepth: 100, engine: 'interpreter' });
    expect(forced).toMatchObject({ ok: true, value: 2, engine: { mode: 'interpreted', reason: expect.stringContaining('interpreter') } });
    const broken = await evaluateJsonata('{"a": ', {});
    expect(broken).toMatchObject({ ok: false, stage: 'parse' });
    expect(broken.ok === false && broken.position).toBeGreaterThan(0);
  });

  it('stops a runaway expression instead of freezing the editor', async () => {
    const result = await evaluateJsonata('($f := function($n) { $f($n + 1) }; $f(0))', {}, { timeoutMs: 200, maxDepth: 100 });
    expect(result).toMatchObject({ ok: false, stage: 'evaluate' });
  });
});

describe('schema check of samples', () => {
  it('lists each violation with the path in the message', () => {
    const schema = { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' }, n: { type: 'integer' } } };
    const result = checkSamples(schema, [{ email: 'a@b.se' }, { n: 'x' }, { email: 'nope' }]);
    expect(result.kind).toBe('checked');
    if (result.kind !== 'checked') return;
    expect(result.results[0]).toEqual([]);
    expect(result.results[1]?.map((v) => [v.path, v.message])).toEqual([['(the message)', 'must have the field "email"'], ['/n', 'must be integer']]);
    expect(result.results[2]?.[0]?.path).toBe('/email');
  });

  it('says when the schema itself does not compile', () => {
    expect(checkSamples({ type: 'no-such-type' }, [{}]).kind).toBe('invalid-schema');
  });
});
