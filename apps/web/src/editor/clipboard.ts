import type { FlowDocument, FlowEdge, FlowNode, Position } from '@seam/flow';
import type { FlowChange } from './flow-changes';
import { uniqueNodeId } from './node-ids';

/** What copy puts on the clipboard (as JSON text), so nodes can be pasted into another flow or another tab. */
export interface ClipboardPayload {
  readonly seam: 'nodes';
  readonly version: 1;
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
  readonly positions: Readonly<Record<string, Position>>;
  readonly samples: Readonly<Record<string, unknown[]>>;
}

/** The selected nodes with the edges between them, their positions and samples. */
export function copyNodes(doc: FlowDocument, nodeIds: readonly string[]): ClipboardPayload | undefined {
  const ids = new Set(nodeIds);
  const nodes = doc.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return undefined;
  const pick = <T>(record: Readonly<Record<string, T>>) => Object.fromEntries(Object.entries(record).filter(([id]) => ids.has(id)));
  return {
    seam: 'nodes',
    version: 1,
    nodes,
    edges: doc.edges.filter((e) => ids.has(e.from) && ids.has(e.to)),
    positions: pick(doc.layout.nodes),
    samples: pick(doc.samples),
  };
}

/** Reads clipboard text; undefined when it is not something Seam copied. */
export function parseClipboard(text: string): ClipboardPayload | undefined {
  try {
    const value = JSON.parse(text) as Partial<ClipboardPayload>;
    if (value.seam !== 'nodes' || !Array.isArray(value.nodes) || !Array.isArray(value.edges)) return undefined;
    return { seam: 'nodes', version: 1, nodes: value.nodes, edges: value.edges, positions: value.positions ?? {}, samples: value.samples ?? {} };
  } catch {
    return undefined;
  }
}

/**
 * The change that pastes a payload into a flow: ids that clash are renamed (edges and samples follow), and the
 * copies are shifted by `offset` so they do not hide the originals.
 */
export function pasteChange(doc: FlowDocument, payload: ClipboardPayload, offset: Position): { change: FlowChange; nodeIds: string[] } {
  const taken = new Set(doc.nodes.map((n) => n.id));
  const rename = new Map<string, string>();
  for (const node of payload.nodes) {
    const id = uniqueNodeId(node.id, taken);
    taken.add(id);
    rename.set(node.id, id);
  }
  const nodes = payload.nodes.map((n) => ({ ...n, id: rename.get(n.id) ?? n.id }));
  const edges = payload.edges
    .filter((e) => rename.has(e.from) && rename.has(e.to))
    .map((e) => ({ ...e, from: rename.get(e.from) ?? e.from, to: rename.get(e.to) ?? e.to }));
  const positions = Object.fromEntries(
    payload.nodes.map((n, i) => {
      const p = payload.positions[n.id] ?? { x: i * 40, y: i * 40 };
      return [rename.get(n.id) ?? n.id, { x: p.x + offset.x, y: p.y + offset.y }];
    }),
  );
  const samples = Object.fromEntries(
    Object.entries(payload.samples).filter(([id]) => rename.has(id)).map(([id, s]) => [rename.get(id) ?? id, s]),
  );
  return { change: { type: 'add-nodes', nodes, edges, positions, samples }, nodeIds: nodes.map((n) => n.id) };
}
