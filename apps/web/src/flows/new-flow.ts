import { CURRENT_FORMAT_VERSION, type FlowDocument } from '@seam/flow';

/** An empty flow, ready for nodes from the palette. */
export function newFlowDocument(id: string, name: string): FlowDocument {
  return { formatVersion: CURRENT_FORMAT_VERSION, id, name, description: '', nodes: [], edges: [], contracts: {}, samples: {}, layout: { nodes: {} } };
}
