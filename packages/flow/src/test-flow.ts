import { flowDocumentSchema, type FlowDocument } from './flow-document.js';

/**
 * A small valid flow (inline → jsonata → json-schema → retry → http) for tests to break one thing at a time.
 * Lives in src so that tests beside the code can share it; nothing in the public API exports it.
 */
export function testFlowJson(): Record<string, unknown> {
  return {
    formatVersion: 2,
    id: 'test-flow',
    name: 'Test flow',
    description: 'Five nodes in a row.',
    nodes: [
      { id: 'src', type: 'inline', config: { messages: [{ n: 1 }] } },
      { id: 'map', type: 'jsonata', config: { expression: '{ "amount": n * 2 }' } },
      { id: 'check', type: 'json-schema', config: { schema: { type: 'object', required: ['amount'] } } },
      { id: 'retry', type: 'retry', config: { attempts: 3 } },
      { id: 'out', type: 'http', config: { url: 'https://billing.example/invoices', headers: { Authorization: 'Bearer {{secret.TOKEN}}' } } },
    ],
    edges: [
      { from: 'src', to: 'map' },
      { from: 'map', to: 'check' },
      { from: 'check', to: 'retry' },
      { from: 'retry', to: 'out' },
    ],
    layout: { nodes: { src: { x: 0, y: 0 }, map: { x: 200, y: 0 }, check: { x: 400, y: 0 }, retry: { x: 600, y: 0 }, out: { x: 800, y: 0 } } },
  };
}

/** The test flow parsed, after `edit` changed its JSON. Throws if the edit broke the document schema. */
export function testFlow(edit: (json: Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] }) => void = () => {}): FlowDocument {
  const json = testFlowJson() as Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };
  edit(json);
  return flowDocumentSchema.parse(json);
}
