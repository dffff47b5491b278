import jsonata from 'jsonata';

/** Evaluation bounds shared by both paths. */
export interface EvaluationBounds {
  /** Evaluation time limit in milliseconds (D1012 when exceeded). */
  timeoutMs?: number;
  /** Maximum evaluation depth, counted in nested expression evaluations (D1011 when exceeded). */
  maxDepth?: number;
}

/** The interpreter, boxed with the same bounds as compiled code: always correct, slower. */
export function interpret(expression: string, bounds: EvaluationBounds): (input: unknown, bindings?: Record<string, unknown>) => Promise<unknown> {
  const options: jsonata.JsonataOptions = {};
  if (bounds.timeoutMs !== undefined) options.timeout = bounds.timeoutMs;
  if (bounds.maxDepth !== undefined) options.stack = bounds.maxDepth;
  const expr = jsonata(expression, options);
  return (input, bindings) => expr.evaluate(input, bindings) as Promise<unknown>;
}
