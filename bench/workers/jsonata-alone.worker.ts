// Records/s of one mapping through one engine (hand-written, jsonata evaluate, Seam's transform), for a fixed time.
import jsonata from 'jsonata';
import { crmOrderEvent } from '../crm/crm-records.js';
import { crmCase, groupingCase, reshapeCase, type MappingCase } from '../jsonata/mapping-cases.js';
import { loadCompileJsonata } from '../lib/seam-modules.js';
import { workerDone, workerInput } from '../lib/worker.js';

export interface JsonataAloneInput {
  readonly mapping: 'crm' | 'reshape' | 'grouping';
  readonly crmExpression: string;
  readonly engine: 'hand' | 'jsonata' | 'seam';
  readonly seconds: number;
}

const input = workerInput<JsonataAloneInput>();
const mapping: MappingCase = input.mapping === 'crm' ? crmCase(input.crmExpression) : input.mapping === 'reshape' ? reshapeCase : groupingCase;
const events = Array.from({ length: 2000 }, (_, i) => crmOrderEvent(i));

let mode = input.engine;
let evaluate: (event: unknown) => unknown;
if (input.engine === 'hand') {
  evaluate = mapping.byHand as (event: unknown) => unknown;
} else if (input.engine === 'jsonata') {
  const expression = jsonata(mapping.expression);
  evaluate = (event) => expression.evaluate(event);
} else {
  // The transform node's default bounds (1 s, depth 500): Seam always evaluates bounded.
  const compiled = (await loadCompileJsonata())(mapping.expression, { timeoutMs: 1000, maxDepth: 500 });
  mode = compiled.mode === 'compiled' ? 'seam' : 'jsonata';
  evaluate = (event) => compiled.evaluate(event);
  if (compiled.mode !== 'compiled') process.stderr.write(`not compiled: ${compiled.reason ?? ''}\n`);
}

const kept: unknown[] = new Array(1024);

/** Evaluates events round-robin for `ms`; awaits only results that are promises (the interpreter's). */
async function evaluateFor(ms: number): Promise<{ records: number; elapsed: number; produced: number }> {
  let records = 0;
  let produced = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 256; i++) {
      let result = evaluate(events[records % events.length]);
      if (result instanceof Promise) result = await result;
      if (result !== undefined) produced++;
      // Results escape into a ring, so that no engine's work can be optimised away as unused.
      kept[records & 1023] = result;
      records++;
    }
    elapsed = performance.now() - started;
  }
  return { records, elapsed, produced };
}

await evaluateFor(300); // warm-up: JIT and caches, not measured
const run = await evaluateFor(input.seconds * 1000);
workerDone({ recordsPerSecond: (run.records / run.elapsed) * 1000, compiled: mode === 'seam', records: run.records, produced: run.produced });
