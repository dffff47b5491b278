import { availableParallelism } from 'node:os';
import { loadCrmFlow } from '../crm/crm-flow.js';
import { ensureCrmDataFile } from '../crm/crm-data-file.js';
import { writePipelineBenchFlow } from '../pipeline/bench-flow.js';
import { countProblems, seamContender, sinkBatchSize, type PipelineRun } from '../pipeline/pipeline-contenders.js';
import { loadCreateRuntime } from '../lib/seam-modules.js';
import { NotReady, ratioOf, rowOf } from '../lib/figure.js';
import { formatNumber, formatRatio } from '../lib/format.js';
import { runRounds, type Contender, type ContenderRuns } from '../lib/rounds.js';
import type { BenchPart } from '../lib/part.js';
import { observed } from '../lib/observations.js';

const title = '4. Memory: peak RSS over a large NDJSON file (streaming: should stay flat)';
const sampleEveryMs = 250;

/** Highest RSS sample within a slice of the run, e.g. the first fifth: flat memory means both fifths agree. */
function sliceMax(samples: readonly number[] | undefined, from: number, to: number): number {
  if (!samples || samples.length < 5) return Number.NaN;
  const slice = samples.slice(Math.floor(samples.length * from), Math.ceil(samples.length * to));
  return Math.max(...slice);
}

/** One run per core, at most two: a 1M-message run is most of the bench's time. */
const sideBySide = Math.max(1, Math.min(2, availableParallelism()));

/** Runs `runs` measurements of one contender, `sideBySide` at a time, as one contender's runs. */
async function runSideBySide(
  contender: Contender<PipelineRun>,
  runs: number,
  progress: (line: string) => void,
  budgetSeconds: number,
): Promise<ContenderRuns<PipelineRun>> {
  const measure = contender.measure!;
  const group: Contender<PipelineRun[]> = {
    label: contender.label,
    measure: (round) =>
      Promise.all(Array.from({ length: Math.min(sideBySide, runs - round * sideBySide) }, (_, i) => measure(round * sideBySide + i))),
  };
  const [grouped] = await runRounds([group], Math.ceil(runs / sideBySide), progress, budgetSeconds);
  return { label: contender.label, results: grouped!.results.flat(), ...(grouped!.failure !== undefined ? { failure: grouped!.failure } : {}) };
}

export const memoryPart: BenchPart = {
  figures: [{ id: 'memory', title }],
  async run(ctx) {
    const { options } = ctx;
    const n = options.memoryMessages;
    const crm = loadCrmFlow();
    await loadCreateRuntime().catch((e: Error) => {
      throw new NotReady(e.message);
    });
    ctx.progress(`memory: ${n.toLocaleString('en-US')} messages (generating the file once if missing)`);
    const dataFile = await ensureCrmDataFile(n, false);
    const flowFile = writePipelineBenchFlow(crm, dataFile, sinkBatchSize);
    const seam = await runSideBySide(seamContender('Seam', flowFile, n, {}, sampleEveryMs), options.memoryRuns, ctx.progress, options.partBudgetSeconds);
    const peak = rowOf(seam, 'MiB', (r: PipelineRun) => r.peakRssMiB, `Seam: peak RSS over ${n.toLocaleString('en-US')} messages`);
    const early = rowOf(seam, 'MiB', (r: PipelineRun) => sliceMax(r.rssSamples, 0, 0.2), 'Seam: highest RSS in the first fifth of the run');
    const late = rowOf(seam, 'MiB', (r: PipelineRun) => sliceMax(r.rssSamples, 0.8, 1), 'Seam: highest RSS in the last fifth of the run');
    const growth = ratioOf('last fifth / first fifth (1.00× = flat)', late, early, '≈ 1.0 (issue 3: flat)');
    const smaller = observed('seam-peak-rss');
    const acrossSizes = smaller?.summary ? [ratioOf(`peak RSS at ${n.toLocaleString('en-US')} / at figure 1's size`, peak, smaller, '≈ 1.0')] : [];
    return [
      {
        id: 'memory',
        title,
        status: 'measured',
        rows: [peak, early, late, ...(smaller?.summary ? [smaller] : [])],
        ratios: [growth, ...acrossSizes],
        notes: [
          `The figure-1 pipeline (file → jsonata → validate → sqlite, durable inbox on) over ${n.toLocaleString('en-US')} messages, ${options.memoryRuns} run(s), ${sideBySide} at a time; peak RSS is each process's own ru_maxrss, the fifths come from RSS sampled every ${sampleEveryMs} ms. Runs side by side (one per core) halve this part's time without touching what it measures; for the same reason it reports no throughput (figure 1 does).`,
          ...countProblems('Seam', seam.results, { delivered: n, deadLettered: 0 }),
        ],
        summary: `memory: Seam peak RSS ${formatNumber(peak.summary?.median ?? Number.NaN)} MiB over ${n.toLocaleString('en-US')} messages; last fifth / first fifth ${formatRatio(growth.value)}`,
      },
    ];
  },
};
