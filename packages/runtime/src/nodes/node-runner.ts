import type { z } from 'zod';
import type { NodeDefinition, NodeKind } from '@seam/flow';
import type { RuntimeLogger } from '../runtime-api.js';
import type { SecretResolver } from '../secret-resolver.js';
import type { RetryConfig } from '../retry/retry-policy.js';
import type { WebhookIngress } from '../runtime-api.js';

/** What a node implementation gets when its flow is compiled: never the engine, only what it needs. */
export interface NodeEnv {
  readonly flowId: string;
  readonly nodeId: string;
  /** Folder of the flow file: file sources resolve against it and may not leave it. */
  readonly flowDir: string;
  /** Data directory: file and sqlite sinks write inside it. */
  readonly dataDir: string;
  readonly log: RuntimeLogger;
  readonly secrets: SecretResolver;
  /** Largest message a source accepts, in bytes of JSON; larger ones are dead-lettered. */
  readonly maxMessageBytes: number;
  /** Present when a server hosts webhooks. */
  readonly webhooks?: WebhookIngress;
}

/** A format change a validate node tolerated (and normalised) rather than rejected. */
export interface DriftNotice {
  readonly field: string;
  readonly expected: string;
  readonly seen: string;
  readonly sample: unknown;
}

/** Per message, per call: the message's stable id, cancellation, and a way to report drift. */
export interface StepContext {
  readonly messageId: string;
  readonly signal: AbortSignal;
  readonly drift: (notice: DriftNotice) => void;
}

/**
 * A transform, validate or sink. Config is bound at compile time (parsed once with the catalog's zod schema),
 * so the per-message context stays small. Returns the output message (sinks: anything, ignored).
 */
export interface StepRunner {
  run(input: unknown, ctx: StepContext): unknown;
  /**
   * Does no remote I/O: answers at once, or waits only for local work (a sqlite sink's group commit, the JSONata
   * interpreter's queue). A flow of local steps frees a message's processing slot while it waits, so that one
   * commit can carry many messages; the intake window still bounds how many wait.
   */
  readonly local?: boolean;
  close?(): Promise<void> | void;
}

/** Options for one message a source hands over. */
export interface EmitOptions {
  /** The message as JSON text when the source read it as such (spares a stringify on the way to the inbox). */
  readonly raw?: string;
  /** A stable id when the source can derive one (file line, …); otherwise one is generated. */
  readonly id?: string;
  /** Source position to store with this message in the same transaction (file line, poll cursor). */
  readonly cursor?: unknown;
  /** This source's own size limit (a webhook's maxBodyBytes, enforced by the server), instead of the runtime's. */
  readonly maxBytes?: number;
}

export interface Admitted {
  readonly messageId: string;
  /** Resolves once the message is durably in the inbox (the moment a source may acknowledge it). */
  readonly stored: Promise<void>;
}

export interface SourceContext {
  readonly signal: AbortSignal;
  /** A `seam run`: sources that never end by themselves (http-poll) do one round and stop. */
  readonly once: boolean;
  /** The cursor stored by an earlier run (http-poll's `since`, a file's next line), if any. */
  readonly cursor: unknown;
  /** Admits a message, waiting while the flow is at its concurrency limit (backpressure). */
  emit(payload: unknown, options?: EmitOptions): Promise<Admitted>;
  /**
   * Something the source read but could not turn into a message: dead-lettered with its reason, nothing lost.
   * Resolves once the dead letter is stored; a source reading a file need not wait for that (its cursor is
   * stored in the same transaction), a source acknowledging a sender must.
   */
  reject(raw: unknown, error: Error, options?: EmitOptions): Promise<void>;
  /** Stores a cursor on its own (after a poll that returned nothing new). */
  saveCursor(cursor: unknown): void;
  /** A source that keeps going after a failure (a poll that will try again) reports it here; undefined clears it. */
  health(error: Error | undefined): void;
}

export interface SourceRunner {
  /** Finite sources end by themselves (file, inline, schedule with count): `seam run` waits for them. */
  readonly finite: boolean;
  /** Produces messages until exhausted or `signal` aborts. */
  start(ctx: SourceContext): Promise<void>;
  close?(): Promise<void> | void;
}

export type NodeRunner =
  | { readonly kind: 'source'; readonly source: SourceRunner }
  /** A retry node does not touch the message: the engine applies its policy to the node(s) after it. */
  | { readonly kind: 'retry'; readonly policy: RetryConfig }
  | { readonly kind: Exclude<NodeKind, 'source' | 'retry'>; readonly step: StepRunner };

/** A node type's implementation paired with its catalog definition. */
export interface RegisteredRunner {
  readonly type: string;
  create(rawConfig: unknown, env: NodeEnv): NodeRunner;
}

/** Pairs a catalog definition with its implementation; config is parsed (defaults applied) with the catalog's schema. */
export function sourceRunner<C extends z.ZodType>(definition: NodeDefinition<C>, create: (config: z.output<C>, env: NodeEnv) => SourceRunner): RegisteredRunner {
  return { type: definition.type, create: (raw, env) => ({ kind: 'source', source: create(definition.config.parse(raw), env) }) };
}

export function stepRunner<C extends z.ZodType>(definition: NodeDefinition<C>, create: (config: z.output<C>, env: NodeEnv) => StepRunner): RegisteredRunner {
  const kind = definition.kind;
  if (kind === 'source' || kind === 'retry') throw new Error(`${definition.type} is not a step`);
  return { type: definition.type, create: (raw, env) => ({ kind, step: create(definition.config.parse(raw), env) }) };
}
