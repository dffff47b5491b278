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

/** As drawn by .seam-node in styles.css. */
export const NODE_WIDTH = 176;
const NODE_HEIGHT = 80;

/** The first spot at or below `at` where a new node would not cover another one (for click-to-add). */
export function freeSpot(doc: FlowDocument, at: Position): Position {
  const taken = Object.values(doc.layout.nodes);
  const clashes = (p: Position) => taken.some((t) => Math.abs(t.x - p.x) < NODE_WIDTH && Math.abs(t.y - p.y) < NODE_HEIGHT);
  let spot = { x: Math.round(at.x), y: Math.round(at.y) };
  for (let i = 0; i < 200 && clashes(spot); i += 1) spot = { x: spot.x, y: spot.y + NODE_HEIGHT + 10 };
  return spot;
}
