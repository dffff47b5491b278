/// <reference types="vite/client" />
// Every example flow in flows/ is what the docs, the designer and the end-to-end tests start from:
// it must load without a single problem and already be in canonical form, byte for byte.
import { describe, expect, it } from 'vitest';
import { loadFlowText, serializeFlow } from '../src/index.js';

const examples = Object.entries(
  import.meta.glob<string>('../../../flows/*.json', { eager: true, query: '?raw', import: 'default' }),
).map(([file, text]) => ({ name: file.replace('../../../flows/', ''), text }));

describe('example flows', () => {
  it('include the three flows the docs describe', () => {
    expect(examples.map((e) => e.name)).toEqual(expect.arrayContaining(['crm-to-billing.json', 'orders-ndjson.json', 'poll-with-cursor.json']));
  });

  it.each(examples)('$name is valid', ({ text }) => {
    expect(loadFlowText(text).problems).toEqual([]);
  });

  it.each(examples)('$name is canonical', ({ text }) => {
    const loaded = loadFlowText(text);
    expect(serializeFlow(loaded.document!)).toBe(text);
  });

  it.each(examples)('$name is named after its id, and has samples, labels and a position for every node', ({ name, text }) => {
    const doc = loadFlowText(text).document!;
    expect(`${doc.id}.json`).toBe(name);
    expect(doc.description.length).toBeGreaterThan(40);
    for (const node of doc.nodes) {
      expect(node.label, node.id).toBeTruthy();
      expect(doc.layout.nodes[node.id], node.id).toBeDefined();
    }
    const sources = doc.nodes.filter((n) => ['webhook', 'http-poll', 'file', 'inline', 'schedule'].includes(n.type));
    for (const source of sources) expect(doc.samples[source.id]?.length ?? 0, source.id).toBeGreaterThan(0);
    // Left to right: every edge goes to a node placed further right.
    for (const edge of doc.edges) expect(doc.layout.nodes[edge.to]!.x).toBeGreaterThan(doc.layout.nodes[edge.from]!.x);
  });
});
