import { loadCrmFlow } from '../crm/crm-flow.js';
import { ensureCrmDataFile } from '../crm/crm-data-file.js';
import { writePipelineBenchFlow } from '../pipeline/bench-flow.js';
import { countProblems, handContender, messagesPerSecond, seamContender, sinkBatchSize, type PipelineRun } from '../pipeline/pipeline-contenders.js';
import { loadCompileJsonata, loadCreateRuntime, durableInboxOff, runtimeUsesJsonataCompiler } from '../lib/seam-modules.js';
import { NotReady, notMeasured, ratioOf, rowOf, type Figure } from '../lib/figure.js';
import { formatNumber, formatRatio } from '../lib/format.js';
import { runRounds, type Contender } from '../lib/rounds.js';
import type { BenchPart } from '../lib/part.js';
import { observe } from '../lib/observations.js';

const pipelineTitle = '1. Pipeline throughput: file → jsonata → validate → sqlite';
const durabilityTitle = '7. Durability cost: durable inbox on vs off';
export const compiledLoopLabel = "hand-written loop, Seam's compiled mapping";

/** Figures 1 and 7 share their runs: the durable-inbox-on Seam runs are the same in both tables. */
export const pipelinePart: BenchPart = {
  figures: [
    { id: 'pipeline', title: pipelineTitle },
    { id: 'durability', title: durabilityTitle },
  ],
  async run(ctx, selected) {
    const { options } = ctx;
    const n = options.messages;
    const crm = loadCrmFlow();
    const dataFile = await ensureCrmDataFile(n, false);
    const flowFile = writePipelineBenchFlow(crm, dataFile, sinkBatchSize);
    const seamMissing = await loadCreateRuntime().then(() => undefined, (e: Error) => e.message);
    const offOptions = seamMissing ? undefined : await durableInboxOff();
    const compilerMissing = await loadCompileJsonata().then(() => undefined, (e: Error) => e.message);
    const wantPipeline = selected.includes('pipeline');
    const wantDurability = selected.includes('durability');

    const seamOn: Contender<PipelineRun> = seamMissing ? { label: 'Seam', missing: seamMissing } : seamContender('Seam', flowFile, n, {});
    const contenders: Contender<PipelineRun>[] = [seamOn];
    if (wantDurability) {
      contenders.push(
        offOptions === undefined
          ? { label: 'Seam, durable inbox off', missing: seamMissing ?? 'RuntimeOptions has no switch to turn the durable inbox off yet' }
          : seamContender('Seam, durable inbox off', flowFile, n, offOptions),
      );
    }
    if (wantPipeline) {
      contenders.push(handContender('hand-written loop, mapping in JS', crm, dataFile, n, 'hand'));
      contenders.push(handContender('hand-written loop, jsonata evaluate', crm, dataFile, n, 'jsonata'));
      contenders.push(handContender(compiledLoopLabel, crm, dataFile, n, 'compiled', compilerMissing));
    }
    ctx.progress(`pipeline: ${n.toLocaleString('en-US')} messages, ${options.runs} rounds of ${contenders.length} contenders`);
    const runs = await runRounds(contenders, options.runs, ctx.progress, options.partBudgetSeconds);
    const byLabel = new Map(runs.map((r) => [r.label, r]));
    const expected = { delivered: n, deadLettered: 0 };
    const problems = runs.flatMap((r) => countProblems(r.label, r.results, expected));
    const figures: Figure[] = [];
    observe('seam-peak-rss', rowOf(byLabel.get('Seam')!, 'MiB', (r) => r.peakRssMiB, `Seam: peak RSS over ${n.toLocaleString('en-US')} messages (figure 1's runs)`));

    if (wantPipeline) {
      const seam = rowOf(byLabel.get('Seam')!, 'messages/s', messagesPerSecond, 'Seam (runOnce, durable inbox on)');
      const hand = rowOf(byLabel.get('hand-written loop, mapping in JS')!, 'messages/s', messagesPerSecond);
      const handJsonata = rowOf(byLabel.get('hand-written loop, jsonata evaluate')!, 'messages/s', messagesPerSecond);
      const vsJsonata = ratioOf('Seam / hand-written loop with the same jsonata calls', seam, handJsonata, '≥ 0.70 (issue 3)');
      const vsHand = ratioOf('Seam / hand-written loop with the mapping in JS', seam, hand);
      const compiledLoop = rowOf(byLabel.get(compiledLoopLabel)!, 'messages/s', messagesPerSecond);
      const overhead = ratioOf("Seam / the same loop with Seam's compiled mapping (Seam's own overhead)", seam, compiledLoop);
      figures.push({
        id: 'pipeline',
        title: pipelineTitle,
        status: 'measured',
        rows: [seam, hand, handJsonata, compiledLoop],
        ratios: [vsJsonata, vsHand, overhead],
        notes: [
          `${n.toLocaleString('en-US')} CRM "order closed" events (NDJSON) through crm-to-billing's mapping and schema (with its issuedAt coercion) into a SQLite table, batches of ${sinkBatchSize}; each run in a fresh process, wall time from start to last commit.`,
          (await runtimeUsesJsonataCompiler())
            ? "Seam's jsonata node runs on @seam/jsonata-compiler (compiled JSONata, interpreter fallback): the loop with jsonata evaluate is issue 3's yardstick ('the same jsonata calls'), the loop with the compiled mapping measures Seam's own overhead, the JS-mapping loop is the floor."
            : "Seam's runtime does not use @seam/jsonata-compiler yet: its jsonata node runs the jsonata interpreter, like the loop with jsonata evaluate.",
          "The hand-written loops stream the file with readline, JSON.parse each line, map (by hand, with jsonata evaluate, or with @seam/jsonata-compiler as Seam's transform does), coerce issuedAt, validate with ajv (2020-12, formats, allErrors) and insert with better-sqlite3 in batched transactions; no inbox, no run history, no metrics. The loop with Seam's compiled mapping does the same mapping work as Seam, so its distance to Seam is Seam's own overhead.",
          ...problems,
        ],
        summary: seam.summary
          ? `pipeline: Seam ${formatNumber(seam.summary.median)} msg/s = ${formatRatio(vsJsonata.value)} the jsonata loop (${formatNumber(handJsonata.summary?.median ?? Number.NaN)} msg/s), ${formatRatio(vsHand.value)} the JS-mapping loop (${formatNumber(hand.summary?.median ?? Number.NaN)} msg/s)`
          : `pipeline: Seam not measured (${seam.missing}); hand-written loops ${formatNumber(hand.summary?.median ?? Number.NaN)} / ${formatNumber(handJsonata.summary?.median ?? Number.NaN)} msg/s (JS mapping / jsonata)`,
      });
    }
    if (wantDurability) {
      const on = rowOf(byLabel.get('Seam')!, 'messages/s', messagesPerSecond, 'Seam, durable inbox on (default)');
      const off = rowOf(byLabel.get('Seam, durable inbox off')!, 'messages/s', messagesPerSecond);
      if (off.missing !== undefined) {
        figures.push(notMeasured('durability', durabilityTitle, off.missing));
      } else {
        const cost = ratioOf('inbox on / inbox off', on, off);
        figures.push({
          id: 'durability',
          title: durabilityTitle,
          status: 'measured',
          rows: [on, off],
          ratios: [cost],
          notes: [`The same ${n.toLocaleString('en-US')}-message pipeline as figure 1; "off" uses RuntimeOptions ${JSON.stringify(offOptions)}, a switch for benchmarking only.`],
          summary: `durability: inbox on ${formatNumber(on.summary?.median ?? Number.NaN)} msg/s vs off ${formatNumber(off.summary?.median ?? Number.NaN)} msg/s → "nothing lost" keeps ${formatRatio(cost.value)} of the throughput`,
        });
      }
    }
    if (figures.length === 0) throw new NotReady('nothing selected');
    return figures;
  },
};
