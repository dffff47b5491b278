import { edgeFromPort, edgeToPort, type Contract, type FailureClass, type FlowDocument, type FlowEdge, type FlowNode, type Position } from '@seam/flow';

/** Every edit the designer makes to a flow document, as data: applied by `applyChange`, undone by history. */
export type FlowChange =
  | { readonly type: 'add-nodes'; readonly nodes: readonly FlowNode[]; readonly positions: Readonly<Record<string, Position>>; readonly edges?: readonly FlowEdge[]; readonly samples?: Readonly<Record<string, unknown[]>> }
  | { readonly type: 'move-nodes'; readonly positions: Readonly<Record<string, Position>> }
  | { readonly type: 'remove'; readonly nodeIds: readonly string[]; readonly edgeKeys: readonly string[] }
  | { readonly type: 'connect'; readonly edge: FlowEdge }
  | { readonly type: 'set-config'; readonly nodeId: string; readonly config: Record<string, unknown> }
  | { readonly type: 'set-label'; readonly nodeId: string; readonly label: string }
  | { readonly type: 'set-samples'; readonly nodeId: string; readonly samples: unknown[] | undefined }
  | { readonly type: 'set-contract'; readonly nodeId: string; readonly contract: Contract | undefined }
  | { readonly type: 'set-meta'; readonly name?: string; readonly description?: string }
  | { readonly type: 'set-runbook-note'; readonly failureClass: FailureClass; readonly text: string }
  | { readonly type: 'replace'; readonly document: FlowDocument };

/** A stable key for an edge: its two ends with their ports. Also used as the canvas edge id. */
export function edgeKey(edge: FlowEdge): string {
  return `${edge.from}:${edgeFromPort(edge)}->${edge.to}:${edgeToPort(edge)}`;
}

/** Applies one change, returning a new document; the input is never mutated. */
export function applyChange(doc: FlowDocument, change: FlowChange): FlowDocument {
  switch (change.type) {
    case 'add-nodes':
      return {
        ...doc,
        nodes: [...doc.nodes, ...change.nodes],
        edges: [...doc.edges, ...(change.edges ?? [])],
        samples: { ...doc.samples, ...(change.samples ?? {}) },
        layout: { ...doc.layout, nodes: { ...doc.layout.nodes, ...change.positions } },
      };
    case 'move-nodes':
      return { ...doc, layout: { ...doc.layout, nodes: { ...doc.layout.nodes, ...change.positions } } };
    case 'remove': {
      const nodeIds = new Set(change.nodeIds);
      const edgeKeys = new Set(change.edgeKeys);
      if (nodeIds.size === 0 && edgeKeys.size === 0) return doc;
      const keep = <T>(record: Readonly<Record<string, T>>) =>
        Object.fromEntries(Object.entries(record).filter(([id]) => !nodeIds.has(id)));
      return {
        ...doc,
        nodes: doc.nodes.filter((n) => !nodeIds.has(n.id)),
        edges: doc.edges.filter((e) => !nodeIds.has(e.from) && !nodeIds.has(e.to) && !edgeKeys.has(edgeKey(e))),
        samples: keep(doc.samples),
        contracts: keep(doc.contracts),
        layout: { ...doc.layout, nodes: keep(doc.layout.nodes) },
      };
    }
    case 'connect':
      if (doc.edges.some((e) => edgeKey(e) === edgeKey(change.edge))) return doc;
      return { ...doc, edges: [...doc.edges, change.edge] };
    case 'set-config':
      return mapNode(doc, change.nodeId, (n) => ({ ...n, config: change.config }));
    case 'set-label':
      return mapNode(doc, change.nodeId, (n) => {
        const { label: _old, ...rest } = n;
        return change.label.trim() === '' ? rest : { ...rest, label: change.label };
      });
    case 'set-samples': {
      const { [change.nodeId]: _old, ...rest } = doc.samples;
      return { ...doc, samples: change.samples === undefined ? rest : { ...rest, [change.nodeId]: change.samples } };
    }
    case 'set-contract': {
      const { [change.nodeId]: _old, ...rest } = doc.contracts;
      return { ...doc, contracts: change.contract === undefined ? rest : { ...rest, [change.nodeId]: change.contract } };
    }
    case 'set-meta':
      return {
        ...doc,
        ...(change.name !== undefined ? { name: change.name } : {}),
        ...(change.description !== undefined ? { description: change.description } : {}),
      };
    case 'set-runbook-note': {
      const { [change.failureClass]: _old, ...rest } = doc.runbooks ?? {};
      const runbooks = change.text === '' ? rest : { ...rest, [change.failureClass]: change.text };
      const { runbooks: _all, ...withoutRunbooks } = doc;
      return Object.keys(runbooks).length > 0 ? { ...withoutRunbooks, runbooks } : withoutRunbooks;
    }
    case 'replace':
      return change.document;
  }
}

function mapNode(doc: FlowDocument, nodeId: string, update: (node: FlowNode) => FlowNode): FlowDocument {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === nodeId ? update(n) : n)) };
}
