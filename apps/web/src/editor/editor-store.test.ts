import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '@seam/flow';
import { createEditorStore } from './editor-store';
import { edgeKey } from './flow-changes';
import { copyNodes, parseClipboard, pasteChange } from './clipboard';
import { addNodeChange, freeSpot } from '../canvas/add-node';
import { connectionRefusal } from './connection-rules';
import { autoLayout } from './auto-layout';

const base: FlowDocument = {
  formatVersion: 2, id: 'orders', name: 'Orders', description: '',
  nodes: [
    { id: 'in', type: 'inline', config: { messages: [{ a: 1 }] } },
    { id: 'map', type: 'jsonata', config: { expression: '{"b": a}' } },
    { id: 'out', type: 'log', config: {} },
  ],
  edges: [{ from: 'in', to: 'map' }, { from: 'map', to: 'out' }],
  contracts: {}, samples: { in: [{ a: 2 }] },
  layout: { nodes: { in: { x: 0, y: 0 }, map: { x: 300, y: 0 }, out: { x: 600, y: 0 } } },
};

const storeFor = (doc = base) => createEditorStore({ flowId: doc.id, document: doc, etag: 'e1' });

describe('editor store', () => {
  it('adds a node from the palette with its type defaults and a fresh id', () => {
    const store = storeFor();
    const { change, nodeId } = addNodeChange(store.getState().document, 'jsonata', { x: 10, y: 20 });
    store.getState().apply(change);
    const doc = store.getState().document;
    expect(nodeId).toBe('jsonata');
    expect(doc.nodes.at(-1)).toEqual({ id: 'jsonata', type: 'jsonata', config: { expression: '$' } });
    expect(doc.layout.nodes.jsonata).toEqual({ x: 10, y: 20 });
    const second = addNodeChange(doc, 'jsonata', { x: 0, y: 0 });
    expect(second.nodeId).toBe('jsonata-2');
  });

  it('keeps a runbook note per failure class, drops the field when the last note is cleared, and undoes a typed note in one step', () => {
    const store = storeFor();
    const s = () => store.getState();
    s().apply({ type: 'set-runbook-note', failureClass: 'delivery', text: 'Billing' });
    s().apply({ type: 'set-runbook-note', failureClass: 'delivery', text: 'Billing on-call: #billing' });
    s().apply({ type: 'set-runbook-note', failureClass: 'timeout', text: 'Slow at night' });
    expect(s().document.runbooks).toEqual({ delivery: 'Billing on-call: #billing', timeout: 'Slow at night' });
    s().apply({ type: 'set-runbook-note', failureClass: 'timeout', text: '' });
    s().apply({ type: 'set-runbook-note', failureClass: 'delivery', text: '' });
    expect(s().document).not.toHaveProperty('runbooks');
    s().undo();
    expect(s().document.runbooks).toEqual({ delivery: 'Billing on-call: #billing' });
  });

  it('undoes and redoes edits in order, and a new edit clears redo', () => {
    const store = storeFor();
    const s = () => store.getState();
    s().apply({ type: 'set-label', nodeId: 'map', label: 'Map it' });
    s().apply({ type: 'set-config', nodeId: 'map', config: { expression: '$' } });
    expect(s().document.nodes[1]).toMatchObject({ label: 'Map it', config: { expression: '$' } });
    s().undo();
    expect(s().document.nodes[1]?.config).toEqual({ expression: '{"b": a}' });
    s().undo();
    expect(s().document).toBe(base);
    s().redo();
    expect(s().document.nodes[1]?.label).toBe('Map it');
    s().apply({ type: 'set-meta', name: 'Renamed' });
    expect(s().history.future).toHaveLength(0);
  });

  it('undoes a burst of typing in one field as one step', () => {
    const store = storeFor();
    const s = () => store.getState();
    for (const expression of ['{', '{"b"', '{"b": a}', '{"b": a + 1}']) s().apply({ type: 'set-config', nodeId: 'map', config: { expression } });
    s().apply({ type: 'set-label', nodeId: 'map', label: 'Next field' });
    expect(s().history.past).toHaveLength(2);
    s().undo();
    s().undo();
    expect(s().document).toBe(base);
  });

  it('records a whole drag as one undo step', () => {
    const store = storeFor();
    const s = () => store.getState();
    s().beginGesture();
    for (let x = 1; x <= 5; x++) s().apply({ type: 'move-nodes', positions: { map: { x: 300 + x, y: 0 } } });
    s().endGesture();
    expect(s().history.past).toHaveLength(1);
    expect(s().document.layout.nodes.map).toEqual({ x: 305, y: 0 });
    s().undo();
    expect(s().document.layout.nodes.map).toEqual({ x: 300, y: 0 });
  });

  it('deletes nodes with their edges, samples and positions, and forgets them in the selection', () => {
    const store = storeFor();
    store.getState().select(['in', 'map']);
    store.getState().apply({ type: 'remove', nodeIds: ['in'], edgeKeys: [] });
    const doc = store.getState().document;
    expect(doc.nodes.map((n) => n.id)).toEqual(['map', 'out']);
    expect(doc.edges).toEqual([{ from: 'map', to: 'out' }]);
    expect(doc.samples).toEqual({});
    expect(doc.layout.nodes.in).toBeUndefined();
    expect(store.getState().selectedNodes).toEqual(['map']);
  });

  it('sets and removes a node\'s contract, and deleting the node drops it', () => {
    const store = storeFor();
    const contract = { schema: { type: 'object' }, examples: [{ a: 1 }] };
    store.getState().apply({ type: 'set-contract', nodeId: 'out', contract });
    expect(store.getState().document.contracts).toEqual({ out: contract });
    store.getState().apply({ type: 'remove', nodeIds: ['out'], edgeKeys: [] });
    expect(store.getState().document.contracts).toEqual({});
    store.getState().undo();
    store.getState().apply({ type: 'set-contract', nodeId: 'out', contract: undefined });
    expect(store.getState().document.contracts).toEqual({});
  });

  it('removes a selected edge by its key', () => {
    const store = storeFor();
    store.getState().apply({ type: 'remove', nodeIds: [], edgeKeys: [edgeKey({ from: 'in', to: 'map' })] });
    expect(store.getState().document.edges).toEqual([{ from: 'map', to: 'out' }]);
  });

  it('is dirty until saved, and clean again when undone back to the saved document', () => {
    const store = storeFor();
    store.getState().apply({ type: 'set-meta', name: 'Other' });
    expect(store.getState().document).not.toBe(store.getState().savedDocument);
    store.getState().undo();
    expect(store.getState().document).toBe(store.getState().savedDocument);
  });

  it('finds the problems the server would report, per node', () => {
    const store = storeFor();
    store.getState().apply({ type: 'set-config', nodeId: 'map', config: { expression: '{"b": ' } });
    store.getState().refreshProblems();
    const problems = store.getState().problems.byNode.get('map');
    expect(problems?.[0]).toMatchObject({ code: 'jsonata-syntax', configPath: ['expression'] });
  });
});

describe('copy and paste', () => {
  it('copies the selected nodes with the edges between them, and pastes them under new ids', () => {
    const payload = copyNodes(base, ['map', 'out']);
    expect(payload?.edges).toEqual([{ from: 'map', to: 'out' }]);
    const roundTrip = parseClipboard(JSON.stringify(payload));
    if (!roundTrip) throw new Error('clipboard did not parse');
    const { change, nodeIds } = pasteChange(base, roundTrip, { x: 40, y: 40 });
    const store = storeFor();
    store.getState().apply(change);
    const doc = store.getState().document;
    expect(nodeIds).toEqual(['map-2', 'out-2']);
    expect(doc.edges).toContainEqual({ from: 'map-2', to: 'out-2' });
    expect(doc.layout.nodes['map-2']).toEqual({ x: 340, y: 40 });
    store.getState().undo();
    expect(store.getState().document).toBe(base);
  });

  it('pastes into another flow keeping ids that are free there, with samples', () => {
    const payload = copyNodes(base, ['in']);
    if (!payload) throw new Error('nothing copied');
    const empty: FlowDocument = { ...base, id: 'other', nodes: [], edges: [], samples: {}, layout: { nodes: {} } };
    const { change, nodeIds } = pasteChange(empty, payload, { x: 0, y: 0 });
    const store = storeFor(empty);
    store.getState().apply(change);
    expect(nodeIds).toEqual(['in']);
    expect(store.getState().document.samples).toEqual({ in: [{ a: 2 }] });
  });

  it('ignores clipboard text that Seam did not write', () => {
    expect(parseClipboard('hello')).toBeUndefined();
    expect(parseClipboard('{"nodes": []}')).toBeUndefined();
  });
});

describe('connections', () => {
  it('refuses connections that the flow checks would reject, saying why', () => {
    expect(connectionRefusal(base, { source: 'map', target: 'in' })).toMatch(/source/);
    expect(connectionRefusal(base, { source: 'out', target: 'map' })).toMatch(/sink/);
    expect(connectionRefusal(base, { source: 'in', target: 'map' })).toMatch(/already connected/);
    expect(connectionRefusal(base, { source: 'map', target: 'map' })).toMatch(/itself/);
    const chain: FlowDocument = { ...base, nodes: [...base.nodes, { id: 'v', type: 'json-schema', config: { schema: {} } }], edges: [...base.edges, { from: 'map', to: 'v' }] };
    expect(connectionRefusal(chain, { source: 'v', target: 'map' })).toMatch(/loop/);
    expect(connectionRefusal(chain, { source: 'in', target: 'v' })).toBeUndefined();
  });
});

describe('auto-layout', () => {
  it('places each node one column right of its furthest parent', () => {
    const positions = autoLayout(base);
    expect(positions.in?.x).toBeLessThan(positions.map?.x ?? 0);
    expect(positions.map?.x).toBeLessThan(positions.out?.x ?? 0);
    expect(positions.in?.y).toBe(positions.out?.y);
  });
});

describe('click to add', () => {
  it('puts a new node where it covers no other node', () => {
    expect(freeSpot(base, { x: 0, y: 0 })).toEqual({ x: 0, y: 90 });
    expect(freeSpot(base, { x: 0, y: 300 })).toEqual({ x: 0, y: 300 });
  });
});
