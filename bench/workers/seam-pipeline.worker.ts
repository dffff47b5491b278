// One run of a finite flow through Seam's runtime (runOnce) in a fresh process; prints counts, wall time, peak RSS.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadFlowText } from '@seam/flow';
import { loadCreateRuntime } from '../lib/seam-modules.js';
import { peakRssMiB, workerDone, workerInput } from '../lib/worker.js';

interface Input {
  readonly flowFile: string;
  readonly dbPath: string;
  readonly dataDir: string;
  /** Extra RuntimeOptions, e.g. the switch that turns the durable inbox off for the durability-cost figure. */
  readonly runtimeOptions: Record<string, unknown>;
  /** Samples RSS while running, so the memory figure can show it stays flat and not only its peak. */
  readonly sampleRssEveryMs?: number;
}

const input = workerInput<Input>();
const loaded = loadFlowText(readFileSync(input.flowFile, 'utf8'));
if (!loaded.document) throw new Error(`bench flow does not load: ${JSON.stringify(loaded.problems)}`);
const rssSamples: number[] = [];
const sampler = input.sampleRssEveryMs ? setInterval(() => rssSamples.push(process.memoryUsage.rss() / 2 ** 20), input.sampleRssEveryMs) : undefined;
const createRuntime = await loadCreateRuntime();
const runtime = createRuntime({ dbPath: input.dbPath, dataDir: input.dataDir, ...input.runtimeOptions });
const started = performance.now();
const summary = await runtime.runOnce({ document: loaded.document, file: input.flowFile });
const ms = performance.now() - started;
if (sampler) clearInterval(sampler);
// Counted where the messages landed, not taken from the run summary: the figure must not rest on Seam's own word.
const deadLetters = runtime.deadLetters.depth(loaded.document.id);
await runtime.close();
const sinkFile = path.join(input.dataDir, 'sink.db');
let sinkRows = 0;
if (existsSync(sinkFile)) {
  const sink = new Database(sinkFile, { readonly: true });
  const table = sink.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'invoices'").get();
  if (table) sinkRows = (sink.prepare('SELECT COUNT(*) AS n FROM invoices').get() as { n: number }).n;
  sink.close();
}
workerDone({
  received: summary.received,
  delivered: summary.delivered,
  deadLettered: summary.deadLettered,
  ms,
  runtimeMs: summary.durationMs,
  sinkRows,
  deadLetterRows: deadLetters,
  peakRssMiB: peakRssMiB(),
  rssSamples,
});
