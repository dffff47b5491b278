import { formatPath, loadFlowValue, type FlowDocument, type JsonPath, type Problem } from '@seam/flow';
import { edgeKey } from './flow-changes';

/** A flow's problems sorted by where they show: on a node (with the path inside its config), on an edge, on the flow. */
export interface FlowProblems {
  readonly all: readonly Problem[];
  readonly byNode: ReadonlyMap<string, readonly NodeProblem[]>;
  readonly byEdge: ReadonlyMap<string, readonly Problem[]>;
  readonly flow: readonly Problem[];
}

export interface NodeProblem extends Problem {
  /** Path inside the node's config (`['url']`), or undefined when the problem is about the node itself. */
  readonly configPath?: JsonPath;
}

/** Runs the very checks the server runs (schema, config, graph) and groups the problems for display. */
export function checkDocument(doc: FlowDocument): FlowProblems {
  const { problems } = loadFlowValue(JSON.parse(JSON.stringify(doc)));
  const byNode = new Map<string, NodeProblem[]>();
  const byEdge = new Map<string, Problem[]>();
  const flow: Problem[] = [];
  for (const p of problems) {
    const [head, index, field, ...rest] = p.path;
    if (head === 'nodes' && typeof index === 'number' && doc.nodes[index]) {
      const id = doc.nodes[index].id;
      const entry: NodeProblem = field === 'config' ? { ...p, configPath: rest } : p;
      byNode.set(id, [...(byNode.get(id) ?? []), entry]);
    } else if (head === 'edges' && typeof index === 'number' && doc.edges[index]) {
      const key = edgeKey(doc.edges[index]);
      byEdge.set(key, [...(byEdge.get(key) ?? []), p]);
    } else if (typeof keyedNode(p.path) === 'string' && doc.nodes.some((n) => n.id === keyedNode(p.path))) {
      const id = keyedNode(p.path) as string;
      byNode.set(id, [...(byNode.get(id) ?? []), p]);
    } else {
      flow.push(p);
    }
  }
  return { all: problems, byNode, byEdge, flow };
}

/** `$.nodes[2].config.url: must be an http:// or https:// URL` */
export function describeProblem(p: Problem): string {
  return `${formatPath(p.path)}: ${p.message}`;
}

/** The node id a problem under `samples`, `contracts` or `layout.nodes` is keyed by. */
function keyedNode(path: JsonPath): string | number | undefined {
  if (path[0] === 'samples' || path[0] === 'contracts') return path[1];
  if (path[0] === 'layout' && path[1] === 'nodes') return path[2];
  return undefined;
}
