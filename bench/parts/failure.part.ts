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
      handContender('hand-written loop, jsonata evaluate', crm, dataFile, n, 'jsonata'),
      handContender(compiledLoopLabel, crm, dataFile, n, 'compiled', compilerMissing),
    ];
    ctx.progress(`failure path: ${n.toLocaleString('en-US')} invalid messages, ${ctx.options.runs} rounds`);
    const runs = await runRounds(contenders, ctx.options.runs, ctx.progress, ctx.options.partBudgetSeconds);
    const [seam, hand, handJsonata, compiledLoop] = runs.map((r) => rowOf(r, 'dead letters/s', deadLettersPerSecond));
    const vsJsonata = ratioOf('Seam / hand-written loop with the same jsonata calls', seam, handJsonata, '≥ 0.50 (issue 3)');
    const vsHand = ratioOf('Seam / hand-written loop with the mapping in JS', seam, hand);
    const overhead = ratioOf("Seam / the same loop with Seam's compiled mapping (Seam's own overhead)", seam, compiledLoop);
    return [
      {
        id: 'failure',
        title,
        status: 'measured',
        rows: [seam!, hand!, handJsonata!, compiledLoop!],
        ratios: [vsJsonata, vsHand, overhead],
        notes: [
          `${n.toLocaleString('en-US')} events whose customer email is not an email: each is mapped, fails the schema's format check and becomes a dead letter (Seam: its dead-letter table; hand-written: a row with the same columns — ids, flow and node, original input, payload, error class, message, failing schema paths, attempts, timestamps, status — in batched transactions).`,
          ...runs.flatMap((r) => countProblems(r.label, r.results, { delivered: 0, deadLettered: n })),
        ],
        summary: `failure path: Seam ${formatNumber(seam?.summary?.median ?? Number.NaN)} dead letters/s = ${formatRatio(vsJsonata.value)} the jsonata loop, ${formatRatio(vsHand.value)} the JS-mapping loop${seam?.missing ? ` (Seam not measured: ${seam.missing})` : ''}`,
      },
    ];
  },
};
