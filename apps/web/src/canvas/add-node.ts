import { nodeDefinition, type FlowDocument, type Position } from '@seam/flow';
import type { FlowChange } from '../editor/flow-changes';
import { uniqueNodeId } from '../editor/node-ids';

/** The change that adds a fresh node of a type from the palette, with the type's default config. */
export function addNodeChange(doc: FlowDocument, type: string, at: Position): { change: FlowChange; nodeId: string } {
  const def = nodeDefinition(type);
  const nodeId = uniqueNodeId(type, new Set(doc.nodes.map((n) => n.id)));
  const config = structuredClone((def?.defaults ?? {}) as Record<string, unknown>);
  return {
    change: { type: 'add-nodes', nodes: [{ id: nodeId, type, config }], positions: { [nodeId]: { x: Math.round(at.x), y: Math.round(at.y) } } },
    nodeId,
  };
}
