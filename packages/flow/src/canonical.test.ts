import { describe, expect, it } from 'vitest';
import { serializeFlow } from './canonical.js';
import { loadFlowValue, loadFlowText } from './load-flow.js';
import { testFlowJson } from './test-flow.js';

/** The same JSON with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  }
  return value;
}

function richFlowJson(): Record<string, unknown> {
  const json = testFlowJson() as { nodes: Record<string, unknown>[] } & Record<string, unknown>;
  json.nodes[3]!.config = { breaker: { whenOpen: 'dead-letter', failureThreshold: 3 }, retryOn: ['5xx', 'network'], attempts: 4 };
  json.nodes[2]!.config = { coercions: [{ as: 'date-time', pointer: '/issuedAt' }], schema: { type: 'object', required: ['amount'], properties: { b: {}, a: {} } } };
  json.samples = { src: [{ z: 1, a: { y: 2, b: 3 } }] };
  json.contracts = { out: { examples: [{ amount: 2 }], schema: { type: 'object' } }, src: { schema: {} } };
  return json;
}

const canonical = (json: unknown) => serializeFlow(loadFlowValue(json).document!);

describe('serializeFlow', () => {
  it('gives byte-identical output whatever the key order of the input', () => {
    expect(canonical(reverseKeys(richFlowJson()))).toBe(canonical(richFlowJson()));
  });

  it('changes nothing when canonical bytes are loaded and saved again', () => {
    const once = canonical(richFlowJson());
    expect(serializeFlow(loadFlowText(once).document!)).toBe(once);
  });

  it('keeps ids and the order of nodes and edges as the user made them', () => {
    const json = richFlowJson() as { nodes: { id: string }[]; edges: unknown[] };
    json.nodes.reverse();
    json.edges.reverse();
    const saved = JSON.parse(canonical(json));
    expect(saved.nodes.map((n: { id: string }) => n.id)).toEqual(['out', 'retry', 'check', 'map', 'src']);
    expect(saved.edges[0]).toEqual({ from: 'retry', to: 'out' });
  });

  it('writes the document, nodes and edges in a fixed key order, 2-space indented with a trailing newline', () => {
    const text = canonical(reverseKeys(richFlowJson()));
    const doc = JSON.parse(text);
    expect(Object.keys(doc)).toEqual(['formatVersion', 'id', 'name', 'description', 'nodes', 'edges', 'contracts', 'samples', 'layout']);
    expect(Object.keys(doc.nodes[0])).toEqual(['id', 'type', 'config']);
    expect(text.startsWith('{\n  "formatVersion": 2,\n  "id": "test-flow",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('orders config keys as the node type declares them, nested objects and lists of objects included', () => {
    const doc = JSON.parse(canonical(reverseKeys(richFlowJson())));
    expect(Object.keys(doc.nodes[3].config)).toEqual(['attempts', 'retryOn', 'breaker']);
    expect(Object.keys(doc.nodes[3].config.breaker)).toEqual(['failureThreshold', 'whenOpen']);
    expect(Object.keys(doc.nodes[2].config.coercions[0])).toEqual(['pointer', 'as']);
  });

  it('orders free-form JSON (schemas, samples) alphabetically and keeps array order', () => {
    const doc = JSON.parse(canonical(reverseKeys(richFlowJson())));
    expect(Object.keys(doc.nodes[2].config.schema)).toEqual(['properties', 'required', 'type']);
    expect(Object.keys(doc.nodes[2].config.schema.properties)).toEqual(['a', 'b']);
    expect(Object.keys(doc.samples.src[0])).toEqual(['a', 'z']);
    expect(doc.nodes[3].config.retryOn).toEqual(['5xx', 'network']);
  });

  it('keys layout, samples and contracts in node order', () => {
    const doc = JSON.parse(canonical(reverseKeys(richFlowJson())));
    expect(Object.keys(doc.layout.nodes)).toEqual(['src', 'map', 'check', 'retry', 'out']);
    expect(Object.keys(doc.contracts)).toEqual(['src', 'out']);
  });

  it('omits default edge ports, keeps others, and rounds positions to whole pixels', () => {
    const json = richFlowJson() as { edges: Record<string, unknown>[]; layout: { nodes: Record<string, { x: number; y: number }> } };
    json.edges[0] = { from: 'src', fromPort: 'out', to: 'map', toPort: 'in' };
    json.edges[1] = { from: 'map', fromPort: 'out', to: 'check', toPort: 'in' };
    json.layout.nodes.src = { x: 10.4, y: -0.6 };
    const doc = JSON.parse(canonical(json));
    expect(doc.edges[0]).toEqual({ from: 'src', to: 'map' });
    expect(doc.layout.nodes.src).toEqual({ x: 10, y: -1 });
  });

  it('fills the optional sections so that every canonical file has the same shape', () => {
    const json = { formatVersion: 2, id: 'bare', name: 'Bare', nodes: [{ id: 'src', type: 'inline' }, { id: 'out', type: 'log' }], edges: [{ from: 'src', to: 'out' }] };
    expect(JSON.parse(canonical(json))).toEqual({
      formatVersion: 2, id: 'bare', name: 'Bare', description: '',
      nodes: [{ id: 'src', type: 'inline', config: {} }, { id: 'out', type: 'log', config: {} }],
      edges: [{ from: 'src', to: 'out' }], contracts: {}, samples: {}, layout: { nodes: {} },
    });
  });

  it('does not write config defaults the user did not set', () => {
    const doc = JSON.parse(canonical(richFlowJson()));
    expect(doc.nodes[1].config).toEqual({ expression: '{ "amount": n * 2 }' });
  });

  it('writes runbook notes in failure-class order after samples, and leaves out blank notes and an empty set', () => {
    const json = { ...richFlowJson(), runbooks: { delivery: 'Billing on-call: #billing', config: '  ', validation: 'Shop team owns the export' } };
    const text = canonical(json);
    expect(Object.keys(JSON.parse(text)).slice(-3)).toEqual(['samples', 'runbooks', 'layout']);
    expect(JSON.parse(text).runbooks).toEqual({ validation: 'Shop team owns the export', delivery: 'Billing on-call: #billing' });
    expect(Object.keys(JSON.parse(text).runbooks)).toEqual(['validation', 'delivery']);
    expect(JSON.parse(canonical({ ...richFlowJson(), runbooks: { timeout: '' } }))).not.toHaveProperty('runbooks');
    expect(JSON.parse(canonical(richFlowJson()))).not.toHaveProperty('runbooks');
  });
});
