import { useMemo, useRef } from 'react';
import type { Edge } from '@xyflow/react';
import { edgeFromPort, edgeToPort, type Position } from '@seam/flow';
import { useEditor } from '../editor/editor-context';
import { edgeKey } from '../editor/flow-changes';
import type { SeamCanvasNode } from './seam-node';

export type Measured = { width: number; height: number };
const NO_DATA: Record<string, never> = {};
const ORIGIN: Position = { x: 0, y: 0 };

/**
 * The canvas nodes for the document. A node object is rebuilt only when its position, selection or size changes,
 * so that a drag re-renders one node, not five hundred.
 */
export function useCanvasNodes(measured: ReadonlyMap<string, Measured>, version: number): SeamCanvasNode[] {
  const nodes = useEditor((s) => s.document.nodes);
  const positions = useEditor((s) => s.document.layout.nodes);
  const selected = useEditor((s) => s.selectedNodes);
  const cache = useRef(new Map<string, SeamCanvasNode>());
  return useMemo(() => {
    void version; // measured sizes changed
    const chosen = new Set(selected);
    const next = new Map<string, SeamCanvasNode>();
    const list = nodes.map((n) => {
      const position = positions[n.id] ?? ORIGIN;
      const isSelected = chosen.has(n.id);
      const size = measured.get(n.id);
      const old = cache.current.get(n.id);
      const node = old && old.position === position && old.selected === isSelected && old.measured === size
        ? old
        : { id: n.id, type: 'seam' as const, position, data: NO_DATA, selected: isSelected, ...(size ? { measured: size } : {}) };
      next.set(n.id, node);
      return node;
    });
    cache.current = next;
    return list;
  }, [nodes, positions, selected, measured, version]);
}

/** The canvas edges; an edge's id is its key (both ends and ports). Edges with problems are drawn in red. */
export function useCanvasEdges(): Edge[] {
  const edges = useEditor((s) => s.document.edges);
  const selected = useEditor((s) => s.selectedEdges);
  const byEdge = useEditor((s) => s.problems.byEdge);
  return useMemo(() => {
    const chosen = new Set(selected);
    return edges.map((e) => {
      const id = edgeKey(e);
      const problems = byEdge.get(id);
      return {
        id,
        source: e.from,
        target: e.to,
        sourceHandle: edgeFromPort(e),
        targetHandle: edgeToPort(e),
        selected: chosen.has(id),
        className: problems ? 'edge-problem' : undefined,
        ...(problems ? { label: '!', ariaLabel: problems.map((p) => p.message).join('; ') } : {}),
      } satisfies Edge;
    });
  }, [edges, selected, byEdge]);
}
