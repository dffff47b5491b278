import jsonata from 'jsonata';

export type Evaluation =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string; readonly position?: number; readonly stage: 'parse' | 'evaluate' };

interface JsonataThrown { message?: string; position?: number; code?: string }

/**
 * Evaluates a JSONata expression in the browser, bounded like the runtime bounds it: a runaway expression is
 * stopped after `timeoutMs` or `maxDepth` nested calls instead of freezing the editor.
 */
export async function evaluateJsonata(expression: string, input: unknown, limits = { timeoutMs: 500, maxDepth: 300 }): Promise<Evaluation> {
  let compiled: ReturnType<typeof jsonata>;
  try {
    compiled = jsonata(expression);
  } catch (thrown) {
    return failure(thrown, 'parse');
  }
  const started = Date.now();
  let depth = 0;
  const check = () => {
    if (depth > limits.maxDepth) throw { code: 'U1001', message: `stopped: more than ${limits.maxDepth} nested calls (runaway recursion?)` };
    if (Date.now() - started > limits.timeoutMs) throw { code: 'U1001', message: `stopped: took longer than ${limits.timeoutMs} ms` };
  };
  // The hooks the jsonata exerciser uses to time-box evaluation.
  compiled.assign('__evaluate_entry', (_e: unknown, _i: unknown, env: { isParallelCall?: boolean }) => { if (!env?.isParallelCall) { depth += 1; check(); } });
  compiled.assign('__evaluate_exit', (_e: unknown, _i: unknown, env: { isParallelCall?: boolean }) => { if (!env?.isParallelCall) { depth -= 1; check(); } });
  try {
    return { ok: true, value: await compiled.evaluate(input) };
  } catch (thrown) {
    return failure(thrown, 'evaluate');
  }
}

function failure(thrown: unknown, stage: 'parse' | 'evaluate'): Evaluation {
  const e = thrown as JsonataThrown;
  const code = e.code ? ` (${e.code})` : '';
  return { ok: false, stage, message: `${e.message ?? String(thrown)}${code}`, ...(typeof e.position === 'number' ? { position: e.position } : {}) };
}
