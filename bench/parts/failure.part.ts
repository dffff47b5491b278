import { loadCrmFlow } from '../crm/crm-flow.js';
import { ensureCrmDataFile } from '../crm/crm-data-file.js';
import { writePipelineBenchFlow } from '../pipeline/bench-flow.js';
import { countProblems, handContender, seamContender, sinkBatchSize, type PipelineRun } from '../pipeline/pipeline-contenders.js';
import { loadCompileJsonata, loadCreateRuntime } from '../lib/seam-modules.js';
import { ratioOf, rowOf } from '../lib/figure.js';
import { formatNumber, formatRatio } from '../lib/format.js';
import { runRounds, type Contender } from '../lib/rounds.js';
import type { BenchPart } from '../lib/part.js';
import { compiledLoopLabel } from './pipeline.part.js';

const title = '2. Failure path: every message fails validation → dead letters';
const deadLettersPerSecond = (r: PipelineRun): number => (r.deadLettered / r.ms) * 1000;

export const failurePart: BenchPart = {
  figures: [{ id: 'failure', title }],
  async run(ctx) {
    const n = ctx.options.messages;
    const crm = loadCrmFlow();
    const dataFile = await ensureCrmDataFile(n, true);
    const flowFile = writePipelineBenchFlow(crm, dataFile, sinkBatchSize);
    const seamMissing = await loadCreateRuntime().then(() => undefined, (e: Error) => e.message);
    const compilerMissing = await loadCompileJsonata().then(() => undefined, (e: Error) => e.message);
    const contenders: Contender<PipelineRun>[] = [
      seamMissing ? { label: 'Seam', missing: seamMissing } : seamContender('Seam', flowFile, n, {}),
      handContender('hand-written loop, mapping in JS', crm, dataFile, n, 'hand'),
      handContender(compiledLoopLabel, crm, dataFile, n, 'compiled', compilerMissing),
    ];
    ctx.progress(`failure path: ${n.toLocaleString('en-US')} invalid messages, ${ctx.options.runs} rounds`);
    const runs = await runRounds(contenders, ctx.options.runs, ctx.progress, ctx.options.partBudgetSeconds);
    const [seam, hand, compiledLoop] = runs.map((r) => rowOf(r, 'dead letters/s', deadLettersPerSecond));
    const vsHand = ratioOf('Seam / hand-written loop with the mapping in JS', seam, hand);
    const overhead = ratioOf("Seam / the same loop with Seam's compiled mapping (Seam's own overhead)", seam, compiledLoop);
    return [
      {
        id: 'failure',
        title,
        status: 'measured',
        rows: [seam!, hand!, compiledLoop!],
        ratios: [vsHand, overhead],
        notes: [
          `${n.toLocaleString('en-US')} events whose customer email is not an email: each is mapped, fails the schema's format check and becomes a dead letter (Seam: its dead-letter table; hand-written: a row with the same columns — ids, flow and node, original input, payload, error class, message, failing schema paths, attempts, timestamps, status — in batched transactions).`,
          "The loop with jsonata evaluate is figure 1's alone: its pace is the interpreter's whether messages pass or fail, so measuring it here again would only double this part's time.",
          ...runs.flatMap((r) => countProblems(r.label, r.results, { delivered: 0, deadLettered: n })),
        ],
        summary: `failure path: Seam ${formatNumber(seam?.summary?.median ?? Number.NaN)} dead letters/s = ${formatRatio(vsHand.value)} the JS-mapping loop, ${formatRatio(overhead.value)} the loop with Seam's compiled mapping${seam?.missing ? ` (Seam not measured: ${seam.missing})` : ''}`,
      },
    ];
  },
};
