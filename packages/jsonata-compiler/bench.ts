// Records/s of the three realistic mappings: compiled vs the jsonata interpreter vs hand-written JS, side by
// side in one run. Usage: npx tsx packages/jsonata-compiler/bench.ts [seconds-per-contender]
import jsonata from 'jsonata';
import { isDeepStrictEqual } from 'node:util';
import { compileJsonata } from './src/index.js';
import { crmEvent, type CrmEvent } from './test/fixtures/crm-events.js';
import { benchMappings, type Mapping } from './test/fixtures/mappings.js';

const seconds = Number(process.argv[2] ?? '1.5');
const records: CrmEvent[] = Array.from({ length: 2_000 }, (_, i) => crmEvent(i));
let sink: unknown;

const ROUNDS = 5;

/** Runs `fn` over the records repeatedly for `ms` milliseconds; records/s. */
async function measureOnce(fn: (record: CrmEvent) => unknown, isAsync: boolean, ms: number): Promise<number> {
  let count = 0;
  const start = performance.now();
  const until = start + ms;
  while (performance.now() < until) {
    for (const record of records) sink = isAsync ? await fn(record) : fn(record);
    count += records.length;
  }
  return count / ((performance.now() - start) / 1000);
}

/**
 * Best of several rounds per contender, the contenders interleaved round by round, so that a noisy
 * neighbour on the machine slows all of them alike rather than one.
 */
async function measure(contenders: { fn: (record: CrmEvent) => unknown; isAsync: boolean }[]): Promise<number[]> {
  const best = contenders.map(() => 0);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, c] of contenders.entries()) {
      best[i] = Math.max(best[i] ?? 0, await measureOnce(c.fn, c.isAsync, (seconds * 1000) / ROUNDS));
    }
  }
  return best;
}

function plain(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

async function benchOne(mapping: Mapping): Promise<void> {
  const compiled = compileJsonata(mapping.expression, { timeoutMs: 1000, maxDepth: 500 });
  if (compiled.mode !== 'compiled') throw new Error(`${mapping.name} is not compiled: ${compiled.reason}`);
  const interpreter = jsonata(mapping.expression, { timeout: 1000, stack: 500 });
  // the three contenders must agree before their speeds mean anything
  for (const record of records.slice(0, 200)) {
    const expected = plain(await interpreter.evaluate(record));
    if (!isDeepStrictEqual(plain(compiled.evaluate(record)), expected) || !isDeepStrictEqual(plain(mapping.byHand(record)), expected)) {
      throw new Error(`${mapping.name}: results differ on ${JSON.stringify(record)}`);
    }
  }
  const [hand = 0, comp = 0, interp = 0] = await measure([
    { fn: mapping.byHand, isAsync: false },
    { fn: (r) => compiled.evaluate(r), isAsync: false },
    { fn: (r) => interpreter.evaluate(r), isAsync: true },
  ]);
  const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(11);
  console.log(`${mapping.name}`);
  console.log(`  hand-written JS ${fmt(hand)} records/s`);
  console.log(`  compiled        ${fmt(comp)} records/s  (${(comp / interp).toFixed(1)}× interpreter, ${((100 * comp) / hand).toFixed(0)}% of hand-written)`);
  console.log(`  interpreter     ${fmt(interp)} records/s`);
}

for (const mapping of benchMappings) await benchOne(mapping);
void sink;
