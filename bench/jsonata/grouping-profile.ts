// Records/s of one bench mapping through one engine per process, as the bench's worker measures it: a quick loop
// for compiler work. Usage: npx tsx bench/jsonata/grouping-profile.ts hand|seam|jsonata|source [seconds] [grouping|reshape|crm]
import jsonata from 'jsonata';
import { compileJsonata } from '@seam/jsonata-compiler';
import { loadCrmFlow } from '../crm/crm-flow.js';
import { crmOrderEvent } from '../crm/crm-records.js';
import { crmCase, groupingCase, reshapeCase } from './mapping-cases.js';

const engine = process.argv[2] ?? 'seam';
const seconds = Number(process.argv[3] ?? '2');
const name = process.argv[4] ?? 'grouping';
const mapping = name === 'crm' ? crmCase(loadCrmFlow().expression) : name === 'reshape' ? reshapeCase : groupingCase;
const events = Array.from({ length: 2000 }, (_, i) => crmOrderEvent(i));
const compiled = compileJsonata(mapping.expression, { timeoutMs: 1000, maxDepth: 500 });
const interpreter = jsonata(mapping.expression);
const evaluate =
  engine === 'hand' ? (e: unknown): unknown => mapping.byHand(e as never)
  : engine === 'jsonata' ? (e: unknown): unknown => interpreter.evaluate(e)
  : (e: unknown): unknown => compiled.evaluate(e);
if (engine === 'source' && 'source' in compiled) console.log(compiled.source);
const kept: unknown[] = new Array(1024);

async function evaluateFor(ms: number): Promise<number> {
  let records = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 256; i++) {
      const result = evaluate(events[records % events.length]);
      kept[records & 1023] = result instanceof Promise ? await result : result;
      records++;
    }
    elapsed = performance.now() - started;
  }
  return (records / elapsed) * 1000;
}

await evaluateFor(300);
console.log(`${name} ${engine} ${Math.round(await evaluateFor(seconds * 1000)).toLocaleString('en-US')} records/s`);
