import jsonata from 'jsonata';
import { FlowError } from '@seam/flow';

/** Bounds on one evaluation: wall time and nesting depth (a runaway recursion is stopped, not the process). */
export interface EvaluationLimits {
  readonly timeoutMs: number;
  readonly maxDepth: number;
  /** Largest sequence an evaluation may build (stops `[1..100000000]`-style allocations early). */
  readonly maxSequence?: number;
}

export type Evaluate = (input: unknown, bindings?: Readonly<Record<string, unknown>>) => Promise<unknown>;

interface JsonataThrown {
  readonly code?: string;
  readonly message?: string;
  readonly position?: number;
}

const DEFAULT_MAX_SEQUENCE = 1_000_000;

/**
 * Compiles a JSONata expression once and returns its bounded evaluator. The one place the runtime touches the
 * jsonata library for mappings, so that a compiled engine (packages/jsonata-compiler) can be swapped in here.
 * jsonata 2.2 checks `timeout`/`stack` on every step of evaluation (the guardrails its own test suite drives
 * through __evaluate_entry/exit), and `sequence` caps how large a generated sequence may grow.
 * Failures are FlowErrors of class `transform` naming the JSONata error code.
 */
export function compileJsonata(expression: string, limits: EvaluationLimits): Evaluate {
  let compiled: jsonata.Expression;
  try {
    compiled = jsonata(expression, {
      timeout: limits.timeoutMs,
      stack: limits.maxDepth,
      sequence: limits.maxSequence ?? DEFAULT_MAX_SEQUENCE,
    });
  } catch (thrown) {
    throw new FlowError(`JSONata does not parse: ${describe(thrown)}`, { errorClass: 'config' });
  }
  return async (input, bindings) => {
    try {
      return (await compiled.evaluate(input, bindings as Record<string, unknown> | undefined)) as unknown;
    } catch (thrown) {
      throw new FlowError(`JSONata evaluation failed: ${describe(thrown)}`, { errorClass: 'transform' });
    }
  };
}

function describe(thrown: unknown): string {
  if (thrown instanceof RangeError) return `${thrown.message} (the expression recursed too deep)`;
  const e = thrown as JsonataThrown;
  const message = e.message ?? String(thrown);
  const where = e.position !== undefined ? ` at character ${e.position}` : '';
  return `${message}${where}${e.code ? ` (${e.code})` : ''}`;
}
