import { createHash } from 'node:crypto';
import { sortedJson, type FlowDocument } from '@seam/flow';

/** Hash of the logic part of a flow (nodes and edges; not layout, name or samples): moving a node keeps the version. */
export function flowVersion(doc: FlowDocument): string {
  const logic = sortedJson({ id: doc.id, nodes: doc.nodes.map(({ id, type, config }) => ({ id, type, config })), edges: doc.edges });
  return createHash('sha256').update(JSON.stringify(logic)).digest('hex').slice(0, 12);
}

/** A dead letter's id: the same message failing at the same node again (after a crash) updates one entry. */
export function deadLetterId(messageId: string, nodeId: string): string {
  return createHash('sha256').update(`${messageId}\u0000${nodeId}`).digest('hex').slice(0, 20);
}
