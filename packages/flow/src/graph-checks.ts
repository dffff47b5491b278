import type { z } from 'zod';
import { edgeFromPort, edgeToPort, type FlowDocument } from './flow-document.js';
import { nodeCatalog, nodeDefinition } from './node-catalog.js';
import type { NodeDefinition } from './node-definition.js';
import { problem, type JsonPath, type Problem } from './problem.js';
import { jsonSchemaFaults } from './json-schema-check.js';
import { literalSecretProblems } from './literal-secret-check.js';
import { zodIssuesToProblems } from './zod-problems.js';

/** Every problem of a parsed flow document — types, config, ids, edges, shape of the graph — not just the first. */
export function checkFlowGraph(doc: FlowDocument): Problem[] {
  return [
    ...checkNodes(doc),
    ...checkEdges(doc),
    ...checkShape(doc),
    ...checkKeyedByNode(doc),
    ...checkContractSchemas(doc),
  ];
}

function checkNodes(doc: FlowDocument): Problem[] {
  const problems: Problem[] = [];
  const firstIndex = new Map<string, number>();
  doc.nodes.forEach((node, i) => {
    const at: JsonPath = ['nodes', i];
    const seen = firstIndex.get(node.id);
    if (seen !== undefined) {
      problems.push(problem([...at, 'id'], 'duplicate-node-id', `node id "${node.id}" is already used by nodes[${seen}]: give each node its own id`));
    } else {
      firstIndex.set(node.id, i);
    }
    const definition = nodeDefinition(node.type);
    if (!definition) {
      problems.push(problem([...at, 'type'], 'unknown-node-type', `unknown node type "${node.type}"${suggestType(node.type)}`));
      return;
    }
    problems.push(...checkConfig(definition, node.config, [...at, 'config']));
  });
  return problems;
}

/** Checks one node's config against its type: the zod schema first, then the type's own lint. */
export function checkConfig(definition: NodeDefinition, config: unknown, at: JsonPath): Problem[] {
  const parsed = (definition.config as z.ZodType).safeParse(config);
  const problems = parsed.success
    ? (definition.lint?.(parsed.data) ?? []).map((p) => ({ ...p, path: [...at, ...p.path] }))
    : zodIssuesToProblems(parsed.error.issues, at, 'invalid-config', config);
  return [...problems, ...literalSecretProblems(config, at)];
}

function checkEdges(doc: FlowDocument): Problem[] {
  const problems: Problem[] = [];
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const seen = new Map<string, number>();
  doc.edges.forEach((edge, k) => {
    const at: JsonPath = ['edges', k];
    const from = nodes.get(edge.from);
    const to = nodes.get(edge.to);
    if (!from) problems.push(problem([...at, 'from'], 'edge-missing-node', `edge starts at node "${edge.from}", which does not exist`));
    if (!to) problems.push(problem([...at, 'to'], 'edge-missing-node', `edge ends at node "${edge.to}", which does not exist`));
    const fromDef = from && nodeDefinition(from.type);
    if (fromDef && !fromDef.ports.outputs.includes(edgeFromPort(edge))) {
      problems.push(problem([...at, edge.fromPort === undefined ? 'from' : 'fromPort'], 'edge-missing-port', portMessage(edge.from, fromDef, 'output', edgeFromPort(edge))));
    }
    const toDef = to && nodeDefinition(to.type);
    if (toDef && !toDef.ports.inputs.includes(edgeToPort(edge))) {
      problems.push(problem([...at, edge.toPort === undefined ? 'to' : 'toPort'], 'edge-missing-port', portMessage(edge.to, toDef, 'input', edgeToPort(edge))));
    }
    const key = `${edge.from}:${edgeFromPort(edge)}->${edge.to}:${edgeToPort(edge)}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push(problem(at, 'duplicate-edge', `edge repeats edges[${first}] (${edge.from} → ${edge.to}): remove one`));
    else seen.set(key, k);
  });
  return problems;
}

function portMessage(nodeId: string, def: NodeDefinition, side: 'input' | 'output', port: string): string {
  const ports = side === 'input' ? def.ports.inputs : def.ports.outputs;
  if (ports.length === 0) {
    return side === 'input'
      ? `node "${nodeId}" (${def.title}) is a source: nothing can connect into it`
      : `node "${nodeId}" (${def.title}) is a sink: nothing can leave it`;
  }
  return `node "${nodeId}" (${def.title}) has no ${side} port "${port}"; its ${side} ports are: ${ports.join(', ')}`;
}

/** Cycles, sources that lead nowhere, nodes no source reaches, and nodes whose output would be dropped. */
function checkShape(doc: FlowDocument): Problem[] {
  const problems: Problem[] = [];
  const index = new Map<string, number>();
  doc.nodes.forEach((n, i) => { if (!index.has(n.id)) index.set(n.id, i); });
  const outgoing = new Map<string, { to: string; edge: number }[]>();
  doc.edges.forEach((e, k) => {
    if (!index.has(e.from) || !index.has(e.to)) return;
    const list = outgoing.get(e.from) ?? [];
    list.push({ to: e.to, edge: k });
    outgoing.set(e.from, list);
  });

  // Cycles: a depth-first walk reports each back edge once, with the loop it closes. The walk keeps its own
  // stack (no recursion) so that a long chain of nodes cannot overflow the call stack.
  const state = new Map<string, 'visiting' | 'done'>();
  for (const root of index.keys()) {
    if (state.has(root)) continue;
    const path: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'visiting');
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const out = outgoing.get(top.id) ?? [];
      if (top.next >= out.length) {
        state.set(top.id, 'done');
        path.pop();
        continue;
      }
      const { to, edge } = out[top.next]!;
      top.next += 1;
      if (state.get(to) === 'visiting') {
        const ids = path.map((p) => p.id);
        const loop = [...ids.slice(ids.indexOf(to)), to].join(' → ');
        problems.push(problem(['edges', edge], 'cycle', `this edge closes a loop (${loop}); a flow must run one way, from sources to sinks`));
      } else if (!state.has(to)) {
        state.set(to, 'visiting');
        path.push({ id: to, next: 0 });
      }
    }
  }

  const reachable = new Set<string>();
  const walk = (start: string) => {
    const pending = [start];
    while (pending.length > 0) {
      const id = pending.pop()!;
      if (reachable.has(id)) continue;
      reachable.add(id);
      for (const { to } of outgoing.get(id) ?? []) pending.push(to);
    }
  };
  const kindOf = (type: string) => nodeDefinition(type)?.kind;
  // A node of unknown type may well be a source (a typo in "webhook"): walk from it too, so that its downstream
  // nodes are not called unreachable on top of the unknown-type problem.
  const entries = doc.nodes.filter((n) => kindOf(n.type) === 'source' || kindOf(n.type) === undefined);
  for (const node of entries) walk(node.id);
  if (entries.length === 0) {
    // With no source nothing ever runs; saying so once beats calling every node unreachable.
    const sources = nodeCatalog.filter((d) => d.kind === 'source').map((d) => d.type).join(', ');
    return [...problems, problem(['nodes'], 'no-source', `the flow has no source node, so no message can enter it: add one (${sources})`)];
  }

  for (const [id, i] of index) {
    const node = doc.nodes[i]!;
    const kind = kindOf(node.type);
    if (!kind) continue;
    const hasDownstream = (outgoing.get(id) ?? []).length > 0;
    if (kind === 'source' && !hasDownstream) {
      problems.push(problem(['nodes', i], 'source-without-downstream', `source "${id}" is connected to nothing: connect its output to a transform, validate or sink node`));
    } else if (kind !== 'source' && !reachable.has(id)) {
      problems.push(problem(['nodes', i], 'unreachable-node', `node "${id}" is not reachable from any source, so no message will ever get there: connect a source to it or remove it`));
    }
    if (kind !== 'source' && kind !== 'sink' && !hasDownstream) {
      problems.push(problem(['nodes', i], 'node-without-downstream', `node "${id}" sends its output nowhere, so messages would be dropped: connect it to a sink`));
    }
  }
  return problems;
}

/** Layout, samples and contracts are keyed by node id; a key naming no node is a leftover of a deleted node. */
function checkKeyedByNode(doc: FlowDocument): Problem[] {
  const ids = new Set(doc.nodes.map((n) => n.id));
  const problems: Problem[] = [];
  for (const id of Object.keys(doc.layout.nodes)) {
    if (!ids.has(id)) problems.push(problem(['layout', 'nodes', id], 'layout-unknown-node', `position for node "${id}", which does not exist: remove it`));
  }
  for (const section of ['samples', 'contracts'] as const) {
    for (const id of Object.keys(doc[section])) {
      if (!ids.has(id)) problems.push(problem([section, id], 'sample-unknown-node', `${section} for node "${id}", which does not exist: rename it to an existing node id or remove it`));
    }
  }
  return problems;
}

/** A contract's schema is what `seam test` and the Pact export rely on: an invalid one must show up here, not there. */
function checkContractSchemas(doc: FlowDocument): Problem[] {
  return Object.entries(doc.contracts).flatMap(([id, contract]) =>
    jsonSchemaFaults(contract.schema).map((f) =>
      problem(['contracts', id, 'schema', ...f.path], 'invalid-json-schema', `the contract's JSON Schema is invalid here: ${f.message}`)),
  );
}

function suggestType(type: string): string {
  const types = nodeCatalog.map((d) => d.type);
  const wanted = type.toLowerCase();
  const close = types.find((t) => t === wanted)
    ?? types.find((t) => editDistance(t, wanted) <= Math.min(2, Math.floor(t.length / 3)))
    ?? types.find((t) => wanted.length >= 3 && (t.includes(wanted) || wanted.includes(t)));
  return close ? `; did you mean "${close}"? Known types: ${types.join(', ')}` : `; known types: ${types.join(', ')}`;
}

/** Levenshtein distance: how many one-letter edits turn `a` into `b` (catches typos such as "htp" or "jsonta"). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
