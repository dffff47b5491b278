import jsonata from 'jsonata';

export type Evaluation =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string; readonly position?: number; readonly stage: 'parse' | 'evaluate' };

interface JsonataThrown { message?: string; position?: number; code?: string; value?: unknown }

/**
 * Evaluates a JSONata expression in the browser, bounded like the runtime bounds it: a runaway expression is
 * stopped after `timeoutMs` or `maxDepth` nested evaluations (jsonata's own guardrails) instead of freezing the editor.
 */
export async function evaluateJsonata(expression: string, input: unknown, limits = { timeoutMs: 500, maxDepth: 300 }): Promise<Evaluation> {
  let compiled: ReturnType<typeof jsonata>;
  try {
    compiled = jsonata(expression, { timeout: limits.timeoutMs, stack: limits.maxDepth });
  } catch (thrown) {
    return failure(thrown, 'parse');
  }
  try {
    return { ok: true, value: await compiled.evaluate(input) };
  } catch (thrown) {
    return failure(thrown, 'evaluate');
  }
}

function failure(thrown: unknown, stage: 'parse' | 'evaluate'): Evaluation {
  const e = thrown as JsonataThrown;
  const message = e.code === 'D1012'
    ? `stopped: took longer than ${String(e.value)} ms (an endless loop?)`
    : e.code === 'D1011'
      ? `stopped: nests deeper than ${String(e.value)} levels (runaway recursion?)`
      : (e.message ?? String(thrown));
  const code = e.code ? ` (${e.code})` : '';
  return { ok: false, stage, message: `${message}${code}`, ...(typeof e.position === 'number' ? { position: e.position } : {}) };
}
