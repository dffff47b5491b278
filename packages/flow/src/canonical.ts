import { z } from 'zod';
import { nodeDefinition } from './node-catalog.js';
import { DEFAULT_INPUT_PORT, DEFAULT_OUTPUT_PORT, failureClasses, type FlowDocument, type FlowEdge, type FlowNode, type FlowRunbooks } from './flow-document.js';

/*
 * The canonical bytes of a flow: fixed key order for the document's own structure, the node type's declared order
 * for a node's config, alphabetical order for everything free-form (schemas, samples), 2-space indent, a trailing
 * newline. Arrays keep their order and ids are never rewritten, so a save changes only what the user changed.
 */

const DOCUMENT_KEYS = ['formatVersion', 'id', 'name', 'description', 'nodes', 'edges', 'contracts', 'samples', 'runbooks', 'layout'];
const NODE_KEYS = ['id', 'type', 'label', 'notes', 'config'];
const EDGE_KEYS = ['from', 'fromPort', 'to', 'toPort'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Serialises a parsed flow document canonically. */
export function serializeFlow(doc: FlowDocument): string {
  return `${JSON.stringify(canonicalDocument(doc), null, 2)}\n`;
}

function canonicalDocument(doc: FlowDocument): Json {
  const nodeOrder = doc.nodes.map((n) => n.id);
  const roundedLayout = Object.fromEntries(
    Object.entries(doc.layout.nodes).map(([id, p]) => [id, { x: Math.round(p.x), y: Math.round(p.y) }]),
  );
  return ordered(
    {
      ...doc,
      nodes: doc.nodes.map(canonicalNode),
      edges: doc.edges.map(canonicalEdge),
      contracts: byNodeOrder(sortedJson(doc.contracts) as Record<string, Json>, nodeOrder),
      samples: byNodeOrder(sortedJson(doc.samples) as Record<string, Json>, nodeOrder),
      runbooks: canonicalRunbooks(doc.runbooks),
      layout: { ...sortedJson(doc.layout) as Record<string, Json>, nodes: byNodeOrder(roundedLayout, nodeOrder) },
    },
    DOCUMENT_KEYS,
  );
}

/** Notes in the order the failure classes are listed; blank notes and an empty set are left out of the file. */
function canonicalRunbooks(runbooks: FlowRunbooks | undefined): Json | undefined {
  const kept = failureClasses.flatMap((c) => (runbooks?.[c]?.trim() ? [[c, runbooks[c]] as const] : []));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

function canonicalNode(node: FlowNode): Json {
  const configSchema = nodeDefinition(node.type)?.config;
  const config = configSchema ? bySchemaOrder(node.config, configSchema) : sortedJson(node.config);
  return ordered({ ...(node as Record<string, unknown>), config } as Record<string, Json>, NODE_KEYS);
}

/**
 * Orders an object's keys as its zod schema declares them (the order the inspector shows), nested objects and
 * arrays of objects included; keys the schema does not declare, and free-form values, go alphabetically.
 */
function bySchemaOrder(value: unknown, schema: z.ZodType): Json {
  const inner = unwrapSchema(schema);
  if (inner instanceof z.ZodObject && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const shape = inner.shape as Record<string, z.ZodType>;
    const record = value as Record<string, unknown>;
    const children = Object.fromEntries(
      Object.keys(record).map((k) => [k, shape[k] ? bySchemaOrder(record[k], shape[k]) : sortedJson(record[k])]),
    );
    return ordered(children, Object.keys(shape));
  }
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    return value.map((item) => bySchemaOrder(item, inner.element as z.ZodType));
  }
  return sortedJson(value);
}

/** Looks through optional, default and nullable wrappers to the schema that describes the value's shape. */
function unwrapSchema(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

function canonicalEdge(edge: FlowEdge): Json {
  const { fromPort, toPort, ...rest } = edge;
  return ordered(
    {
      ...rest,
      ...(fromPort !== undefined && fromPort !== DEFAULT_OUTPUT_PORT ? { fromPort } : {}),
      ...(toPort !== undefined && toPort !== DEFAULT_INPUT_PORT ? { toPort } : {}),
    } as Record<string, Json>,
    EDGE_KEYS,
  );
}

/** Keys listed in `first` come first in that order; any other keys follow alphabetically. Undefined is dropped. */
function ordered(value: Record<string, unknown>, first: readonly string[]): Json {
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  const known = first.filter((k) => keys.includes(k));
  const rest = keys.filter((k) => !first.includes(k)).sort();
  return Object.fromEntries([...known, ...rest].map((k) => [k, value[k] as Json]));
}

function byNodeOrder(value: Record<string, Json>, nodeOrder: readonly string[]): Json {
  return ordered(value, nodeOrder);
}

/** Deep copy with every object's keys sorted alphabetically. */
export function sortedJson(value: unknown): Json {
  if (Array.isArray(value)) return value.map(sortedJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => [k, sortedJson((value as Record<string, unknown>)[k])]),
    );
  }
  return value as Json;
}
