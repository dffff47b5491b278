// One run of a finite flow through Seam's runtime (runOnce) in a fresh process; prints counts, wall time, peak RSS.
import { readFileSync } from 'node:fs';
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
await runtime.close();
workerDone({
  received: summary.received,
  delivered: summary.delivered,
  deadLettered: summary.deadLettered,
  ms,
  runtimeMs: summary.durationMs,
  peakRssMiB: peakRssMiB(),
  rssSamples,
});
