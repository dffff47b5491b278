import jsonata from 'jsonata';
import { FlowError } from '@seam/flow';
import { stackless } from './failure.js';

/** Bounds on one evaluation: wall time and nesting depth (a runaway recursion is stopped, not the process). */
export interface EvaluationLimits {
  readonly timeoutMs: number;
  readonly maxDepth: number;
  /**
   * Largest sequence an evaluation may build. Off by default: jsonata then wraps every sequence's push, which
   * costs ~15% on ordinary mappings, and ranges are capped at 1e7 by jsonata itself (D2014) anyway.
   */
  readonly maxSequence?: number;
}

export type Evaluate = (input: unknown, bindings?: Readonly<Record<string, unknown>>) => Promise<unknown>;

interface JsonataThrown {
  readonly code?: string;
  readonly message?: string;
  readonly position?: number;
}

/**
 * Compiles a JSONata expression once and returns its bounded evaluator. The one place the runtime touches the
 * jsonata library for mappings, so that a compiled engine (packages/jsonata-compiler) can be swapped in here.
 * jsonata 2.2 checks `timeout`/`stack` on every step of evaluation (the guardrails its own test suite drives
 * through __evaluate_entry/exit); `sequence`, when given, caps how large a generated sequence may grow.
 * Failures are FlowErrors of class `transform` naming the JSONata error code.
 */
export function compileJsonata(expression: string, limits: EvaluationLimits): Evaluate {
  let compiled: jsonata.Expression;
  try {
    compiled = jsonata(expression, {
      timeout: limits.timeoutMs,
      stack: limits.maxDepth,
      ...(limits.maxSequence !== undefined ? { sequence: limits.maxSequence } : {}),
    });
  } catch (thrown) {
    throw new FlowError(`JSONata does not parse: ${describe(thrown)}`, { errorClass: 'config' });
  }
  // Evaluations of one expression run one at a time. jsonata's evaluator is asynchronous but CPU-bound: run
  // concurrently, hundreds of evaluations would interleave at every step, so each one's wall-clock timeout would
  // count the others' work (spurious D1012s), and all their half-finished frames would be alive at once (GC churn).
  const queue: { input: unknown; bindings: Record<string, unknown> | undefined; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  let head = 0;
  let running = false;
  const drain = async () => {
    running = true;
    while (head < queue.length) {
      const job = queue[head]!;
      queue[head++] = undefined as never;
      try {
        job.resolve(await compiled.evaluate(job.input, job.bindings));
      } catch (thrown) {
        job.reject(stackless(() => new FlowError(`JSONata evaluation failed: ${describe(thrown)}`, { errorClass: 'transform' })));
      }
      if (head > 1024 && head * 2 > queue.length) {
        queue.splice(0, head);
        head = 0;
      }
    }
    queue.length = 0;
    head = 0;
    running = false;
  };
  return (input, bindings) =>
    new Promise((resolve, reject) => {
      queue.push({ input, bindings: bindings as Record<string, unknown> | undefined, resolve, reject });
      if (!running) void drain();
    });
}

function describe(thrown: unknown): string {
  if (thrown instanceof RangeError) return `${thrown.message} (the expression recursed too deep)`;
  const e = thrown as JsonataThrown;
  const message = e.message ?? String(thrown);
  const where = e.position !== undefined ? ` at character ${e.position}` : '';
  return `${message}${where}${e.code ? ` (${e.code})` : ''}`;
}
