import { nodeDefinition, type FlowDocument } from '@seam/flow';
import { edgeKey } from './flow-changes';

export interface ProposedConnection {
  readonly source: string | null;
  readonly target: string | null;
  readonly sourceHandle?: string | null;
  readonly targetHandle?: string | null;
}

/**
 * Why a connection may not be made, in a sentence for the user; undefined when it is allowed. The same rules
 * as the graph checks of @seam/flow: ports must exist, no duplicates, no loops.
 */
export function connectionRefusal(doc: FlowDocument, c: ProposedConnection): string | undefined {
  if (!c.source || !c.target) return 'drop the connection on another node\'s input';
  if (c.source === c.target) return 'a node cannot feed itself';
  const from = doc.nodes.find((n) => n.id === c.source);
  const to = doc.nodes.find((n) => n.id === c.target);
  if (!from || !to) return 'that node no longer exists';
  const fromDef = nodeDefinition(from.type);
  const toDef = nodeDefinition(to.type);
  if (!fromDef || !toDef) return 'one of these nodes has an unknown type';
  if (fromDef.ports.outputs.length === 0) return `${fromDef.title} is a sink: nothing leaves it`;
  if (toDef.ports.inputs.length === 0) return `${toDef.title} is a source: nothing can flow into it`;
  const fromPort = c.sourceHandle ?? fromDef.ports.outputs[0] ?? 'out';
  const toPort = c.targetHandle ?? toDef.ports.inputs[0] ?? 'in';
  if (!fromDef.ports.outputs.includes(fromPort)) return `${fromDef.title} has no output "${fromPort}"`;
  if (!toDef.ports.inputs.includes(toPort)) return `${toDef.title} has no input "${toPort}"`;
  if (doc.edges.some((e) => edgeKey(e) === edgeKey({ from: from.id, fromPort, to: to.id, toPort }))) {
    return 'these two nodes are already connected';
  }
  if (reaches(doc, to.id, from.id)) return 'this would close a loop: a flow runs one way, from sources to sinks';
  return undefined;
}

/** True when `target` can be reached from `start` along edges. */
function reaches(doc: FlowDocument, start: string, target: string): boolean {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const id = stack.pop() as string;
    if (id === target) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const e of doc.edges) if (e.from === id) stack.push(e.to);
  }
  return false;
}
