import jsonata from 'jsonata';

/** Evaluation bounds shared by both paths. */
export interface EvaluationBounds {
  /** Evaluation time limit in milliseconds (D1012 when exceeded). */
  timeoutMs?: number;
  /** Maximum evaluation depth, counted in nested expression evaluations (D1011 when exceeded). */
  maxDepth?: number;
  /** Largest sequence an evaluation may build (D2015); compiled code checks it where ranges are built. */
  maxSequence?: number;
}

/** Bounds applied when the caller gives none: nothing may hang or blow the stack. */
export const DEFAULT_BOUNDS: Required<EvaluationBounds> = { timeoutMs: 10_000, maxDepth: 1_000, maxSequence: 10_000_000 };

/** The caller's bounds completed with the defaults. */
export function boundsWithDefaults(bounds: EvaluationBounds): Required<EvaluationBounds> {
  return {
    timeoutMs: bounds.timeoutMs ?? DEFAULT_BOUNDS.timeoutMs,
    maxDepth: bounds.maxDepth ?? DEFAULT_BOUNDS.maxDepth,
    maxSequence: bounds.maxSequence ?? DEFAULT_BOUNDS.maxSequence,
  };
}

/** The interpreter for one expression, boxed with the same bounds as compiled code: always correct, slower. */
export interface Interpreter {
  /** The parsed expression (parsed once, for both the interpreter and the compiler). */
  ast: unknown;
  evaluate: (input: unknown, bindings?: Record<string, unknown>) => Promise<unknown>;
}

/** Parses the expression (throwing the parse error) and prepares its bounded interpreter. */
export function interpret(expression: string, bounds: Required<EvaluationBounds>): Interpreter {
  const options: jsonata.JsonataOptions = { timeout: bounds.timeoutMs, stack: bounds.maxDepth };
  // the interpreter checks `sequence` on every push; only pay for it when the caller asked for a limit
  if (bounds.maxSequence < DEFAULT_BOUNDS.maxSequence) options.sequence = bounds.maxSequence;
  const expr = jsonata(expression, options);
  return { ast: expr.ast(), evaluate: (input, bindings) => expr.evaluate(input, bindings) as Promise<unknown> };
}
