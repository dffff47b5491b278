import type { FlowDocument, FlowNode } from '@seam/flow';

const cache = new WeakMap<FlowDocument['nodes'], ReadonlyMap<string, FlowNode>>();

/** Nodes by id, computed once per nodes array: every canvas node looks itself up on each store update. */
export function nodeIndex(doc: FlowDocument): ReadonlyMap<string, FlowNode> {
  let index = cache.get(doc.nodes);
  if (!index) {
    index = new Map(doc.nodes.map((n) => [n.id, n]));
    cache.set(doc.nodes, index);
  }
  return index;
}
