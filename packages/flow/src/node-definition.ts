import type { z } from 'zod';
import type { Problem } from './problem.js';

export type NodeKind = 'source' | 'transform' | 'validate' | 'retry' | 'sink';

/**
 * One node type, declared once as data. The runtime pairs it with a runner; the designer builds its palette
 * and inspector form from it; the graph checks validate config against it.
 */
export interface NodeDefinition<Config extends z.ZodType = z.ZodType> {
  readonly type: string;
  readonly kind: NodeKind;
  /** Short human name shown in the palette, e.g. "HTTP poll". */
  readonly title: string;
  /** A single glyph shown on the canvas and in the palette. */
  readonly icon: string;
  /** One line for the palette. */
  readonly summary: string;
  /** One paragraph for the inspector and docs. */
  readonly doc: string;
  readonly ports: { readonly inputs: readonly string[]; readonly outputs: readonly string[] };
  readonly config: Config;
  /** Config of a node freshly dropped from the palette. Must pass `config` once the user fills required fields. */
  readonly defaults: z.input<Config>;
  /**
   * Checks that a zod schema cannot express (an expression that must parse, a JSON Schema that must compile).
   * Paths are relative to the node's config. Runs only on config that passed `config`.
   */
  readonly lint?: (config: z.output<Config>) => Problem[];
}

/** Keeps each definition's config type while collecting them in one list. */
export function defineNode<Config extends z.ZodType>(definition: NodeDefinition<Config>): NodeDefinition<Config> {
  return definition;
}
