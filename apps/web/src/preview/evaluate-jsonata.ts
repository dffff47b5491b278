import { compileJsonata } from '@seam/jsonata-compiler';

export type Evaluation =
  | { readonly ok: true; readonly value: unknown; readonly engine: EngineNote }
  | { readonly ok: false; readonly message: string; readonly position?: number; readonly stage: 'parse' | 'evaluate'; readonly engine?: EngineNote };

/** How the runtime will run this expression: compiled to JavaScript, or by the interpreter and why. */
export interface EngineNote {
  readonly mode: 'compiled' | 'interpreted';
  readonly reason?: string;
}

interface JsonataThrown { message?: string; position?: number; code?: string; value?: unknown }

export interface PreviewLimits {
  readonly timeoutMs: number;
  readonly maxDepth: number;
  readonly engine?: 'compiled' | 'interpreter';
}

/**
 * Evaluates a JSONata expression in the browser with the same compiler the runtime uses (so the preview shows what
 * the flow will do, and whether it runs compiled), bounded so a runaway expression is stopped after `timeoutMs` or
 * `maxDepth` nested evaluations instead of freezing the editor.
 */
export async function evaluateJsonata(expression: string, input: unknown, limits: PreviewLimits = { timeoutMs: 500, maxDepth: 300 }): Promise<Evaluation> {
  let compiled: ReturnType<typeof compileJsonata>;
  try {
    compiled = compileJsonata(expression, { timeoutMs: limits.timeoutMs, maxDepth: limits.maxDepth, ...(limits.engine ? { engine: limits.engine } : {}) });
  } catch (thrown) {
    return failure(thrown, 'parse');
  }
  const engine: EngineNote = compiled.mode === 'compiled' ? { mode: 'compiled' } : { mode: 'interpreted', reason: compiled.reason };
  try {
    return { ok: true, value: await compiled.evaluate(input), engine };
  } catch (thrown) {
    return { ...failure(thrown, 'evaluate'), engine };
  }
}

function failure(thrown: unknown, stage: 'parse' | 'evaluate'): Evaluation & { ok: false } {
  const e = thrown as JsonataThrown;
  const message = e.code === 'D1012'
    ? `stopped: took longer than ${String(e.value)} ms (an endless loop?)`
    : e.code === 'D1011'
      ? `stopped: nests deeper than ${String(e.value)} levels (runaway recursion?)`
      : (e.message ?? String(thrown));
  const code = e.code ? ` (${e.code})` : '';
  return { ok: false, stage, message: `${message}${code}`, ...(typeof e.position === 'number' ? { position: e.position } : {}) };
}
