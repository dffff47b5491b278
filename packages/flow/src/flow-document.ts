import { z } from 'zod';

/** The format version this build writes. Older files are migrated on load (see migrations.ts). */
export const CURRENT_FORMAT_VERSION = 2;

const id = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z][a-z0-9-_]*$/i, 'must start with a letter and use only letters, digits, "-" and "_"');

export const nodeIdSchema = id;
export const flowIdSchema = id;

export const flowNodeSchema = z.strictObject({
  id,
  type: z.string().min(1, 'must name a node type'),
  label: z.string().max(120).optional(),
  notes: z.string().optional(),
  /** Checked against the node type's own schema by the graph checks, so that all problems are reported at once. */
  config: z.record(z.string(), z.unknown()).default({}),
});

export const flowEdgeSchema = z.strictObject({
  from: id,
  /** Output port of `from`; omitted when it is the default port `out`. */
  fromPort: z.string().min(1).optional(),
  to: id,
  /** Input port of `to`; omitted when it is the default port `in`. */
  toPort: z.string().min(1).optional(),
});

const jsonSchemaObject = z.record(z.string(), z.unknown());

/** What a source produces or a sink accepts, with example messages that `seam test` checks offline. */
export const contractSchema = z.strictObject({
  schema: jsonSchemaObject,
  examples: z.array(z.unknown()).default([]),
  /**
   * Messages this boundary must refuse: on a source, messages the flow must dead-letter (never deliver); on a sink,
   * messages its schema must not accept. Kept apart from `examples` so that examples stay plain messages.
   */
  rejects: z.array(z.unknown()).optional(),
});

/** The failure classes a dead letter can carry: the closed set Seam ships a runbook for. */
export const failureClasses = ['validation', 'transform', 'delivery', 'timeout', 'circuit-open', 'config'] as const;
export type FailureClass = (typeof failureClasses)[number];

export function isFailureClass(value: string): value is FailureClass {
  return (failureClasses as readonly string[]).includes(value);
}

/**
 * A flow's own runbook notes, per failure class: what only this team knows (who owns the other system, where its
 * credentials are renewed, whom to call), shown under the runbook Seam ships for that class.
 */
export const flowRunbooksSchema = z.partialRecord(z.enum(failureClasses), z.string().max(4000, 'must be at most 4,000 characters'));

export const positionSchema = z.strictObject({ x: z.number(), y: z.number() });

/** Positions live apart from logic so that moving a node never looks like a logic change in a diff. */
export const layoutSchema = z.strictObject({
  nodes: z.record(z.string(), positionSchema).default({}),
});

export const flowDocumentSchema = z.strictObject({
  formatVersion: z.literal(CURRENT_FORMAT_VERSION),
  id,
  name: z.string().min(1, 'must not be empty').max(120),
  description: z.string().default(''),
  nodes: z.array(flowNodeSchema),
  edges: z.array(flowEdgeSchema).default([]),
  /** Keyed by source or sink node id. */
  contracts: z.record(z.string(), contractSchema).default({}),
  /** Sample input messages keyed by source node id: used by the live preview and test runs. */
  samples: z.record(z.string(), z.array(z.unknown())).default({}),
  /** Omitted when the flow has no notes of its own. */
  runbooks: flowRunbooksSchema.optional(),
  layout: layoutSchema.default({ nodes: {} }),
});

export type FlowDocument = z.infer<typeof flowDocumentSchema>;
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
export type Contract = z.infer<typeof contractSchema>;
export type Position = z.infer<typeof positionSchema>;
export type FlowRunbooks = z.infer<typeof flowRunbooksSchema>;

export const DEFAULT_OUTPUT_PORT = 'out';
export const DEFAULT_INPUT_PORT = 'in';

export function edgeFromPort(edge: FlowEdge): string {
  return edge.fromPort ?? DEFAULT_OUTPUT_PORT;
}
export function edgeToPort(edge: FlowEdge): string {
  return edge.toPort ?? DEFAULT_INPUT_PORT;
}
