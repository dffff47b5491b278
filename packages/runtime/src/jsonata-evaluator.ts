import { compileJsonata as compileToJs } from '@seam/jsonata-compiler';
import { FlowError } from '@seam/flow';
import { stackless } from './failure.js';

/** Bounds on one evaluation: wall time and nesting depth (a runaway recursion is stopped, not the process). */
export interface EvaluationLimits {
  readonly timeoutMs: number;
  readonly maxDepth: number;
  /** Largest sequence an evaluation may build (default: the engine's own cap; ranges stop at 1e7 anyway). */
  readonly maxSequence?: number;
  /** `compiled` (default) runs the expression as generated JavaScript where possible; `interpreter` forces the jsonata library. */
  readonly engine?: 'compiled' | 'interpreter';
}

/** Evaluates a compiled expression; synchronous when it could be compiled to JavaScript, a Promise otherwise. */
export type Evaluate = (input: unknown, bindings?: Readonly<Record<string, unknown>>) => unknown;

interface JsonataThrown {
  readonly code?: string;
  readonly message?: string;
  readonly position?: number;
}

/**
 * Compiles a JSONata expression once and returns its bounded evaluator: the one place the runtime touches JSONata.
 * @seam/jsonata-compiler turns the expression into JavaScript where it can (and falls back to the jsonata
 * interpreter where it cannot); both paths enforce the time and depth bounds. Failures are FlowErrors of class
 * `transform` naming the JSONata error code; an expression that does not parse is a `config` FlowError.
 */
export function compileJsonata(expression: string, limits: EvaluationLimits): Evaluate {
  let compiled: ReturnType<typeof compileToJs>;
  try {
    compiled = compileToJs(expression, {
      timeoutMs: limits.timeoutMs,
      maxDepth: limits.maxDepth,
      ...(limits.maxSequence !== undefined ? { maxSequence: limits.maxSequence } : {}),
      engine: limits.engine ?? 'compiled',
    });
  } catch (thrown) {
    throw new FlowError(`JSONata does not parse: ${describe(thrown)}`, { errorClass: 'config' });
  }
  const fail = (thrown: unknown) => stackless(() => new FlowError(`JSONata evaluation failed: ${describe(thrown)}`, { errorClass: 'transform' }));

  if (compiled.mode === 'compiled') {
    // Synchronous: one evaluation runs start to end, so its time bound counts only its own work.
    const run = compiled.evaluate;
    return (input, bindings) => {
      try {
        return run(input, bindings as Record<string, unknown> | undefined);
      } catch (thrown) {
        throw fail(thrown);
      }
    };
  }

  // The interpreter is asynchronous but CPU-bound: evaluations of one expression run one at a time. Run
  // concurrently, hundreds of evaluations would interleave at every step, so each one's wall-clock timeout would
  // count the others' work (spurious D1012s), and all their half-finished frames would be alive at once (GC churn).
  const interpret = compiled.evaluate;
  const queue: { input: unknown; bindings: Record<string, unknown> | undefined; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  let head = 0;
  let running = false;
  const drain = async () => {
    running = true;
    while (head < queue.length) {
      const job = queue[head]!;
      queue[head++] = undefined as never;
      try {
        job.resolve(await interpret(job.input, job.bindings));
      } catch (thrown) {
        job.reject(fail(thrown));
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
