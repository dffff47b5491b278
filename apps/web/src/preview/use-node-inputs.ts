import { useEffect, useMemo, useState } from 'react';
import type { FlowDocument } from '@seam/flow';
import { useEditor, useEditorStore } from '../editor/editor-context';
import { nodeInputs } from './sample-inputs';

/**
 * The sample messages reaching a node, recomputed when anything upstream changes. A test run's real input for the
 * node is preferred when there is one. `undefined` while computing.
 */
export function useNodeInputs(nodeId: string): unknown[] | undefined {
  const store = useEditorStore();
  // Not the whole document: moving nodes must not recompute previews.
  const nodes = useEditor((s) => s.document.nodes);
  const edges = useEditor((s) => s.document.edges);
  const samples = useEditor((s) => s.document.samples);
  const [inputs, setInputs] = useState<unknown[] | undefined>();
  const upstream = useMemo(() => upstreamKey({ ...store.getState().document, nodes, edges, samples }, nodeId), [store, nodes, edges, samples, nodeId]);
  useEffect(() => {
    let cancelled = false;
    const timer = window.setTimeout(() => {
      void nodeInputs(store.getState().document, nodeId).then((v) => { if (!cancelled) setInputs(v); });
    }, 60);
    return () => { cancelled = true; window.clearTimeout(timer); };
    // Recompute only when the upstream part of the flow changed, not on every keystroke in this node.
  }, [upstream, nodeId, store]);
  return inputs;
}

/** A string that changes exactly when something upstream of the node (config, edges, samples) changes. */
function upstreamKey(doc: FlowDocument, nodeId: string): string {
  const seen = new Set<string>();
  const stack = [nodeId];
  while (stack.length) {
    const id = stack.pop() as string;
    for (const e of doc.edges) if (e.to === id && !seen.has(e.from)) { seen.add(e.from); stack.push(e.from); }
  }
  const nodes = doc.nodes.filter((n) => seen.has(n.id));
  return JSON.stringify([nodes, doc.edges.filter((e) => seen.has(e.to) || e.to === nodeId), nodes.map((n) => doc.samples[n.id])]);
}
