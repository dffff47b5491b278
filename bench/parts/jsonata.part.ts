import { loadCrmFlow } from '../crm/crm-flow.js';
import { assertHandMatchesJsonata } from '../crm/mapping-check.js';
import { crmCase, groupingCase, reshapeCase } from '../jsonata/mapping-cases.js';
import { loadCompileJsonata } from '../lib/seam-modules.js';
import { ratioOf, rowOf, type Ratio, type Row } from '../lib/figure.js';
import { formatNumber, formatRatio } from '../lib/format.js';
import { runRounds, type Contender } from '../lib/rounds.js';
import { runWorker } from '../lib/worker.js';
import type { BenchPart } from '../lib/part.js';
import type { JsonataAloneInput } from '../workers/jsonata-alone.worker.js';

const title = '5. JSONata alone: records/s per mapping — Seam transform vs jsonata evaluate vs hand-written';

interface AloneRun {
  readonly recordsPerSecond: number;
  readonly compiled: boolean;
}

const mappings = ['crm', 'reshape', 'grouping'] as const;
const engines = ['seam', 'jsonata', 'hand'] as const;
const engineLabel = { seam: "Seam's transform", jsonata: 'jsonata evaluate', hand: 'hand-written JS' } as const;

export const jsonataPart: BenchPart = {
  figures: [{ id: 'jsonata', title }],
  async run(ctx) {
    const { options } = ctx;
    const crm = loadCrmFlow();
    const cases = { crm: crmCase(crm.expression), reshape: reshapeCase, grouping: groupingCase };
    for (const c of Object.values(cases)) await assertHandMatchesJsonata(c.expression, c.byHand);
    const seamMissing = await loadCompileJsonata().then(() => undefined, (e: Error) => e.message);
    const seconds = options.quick ? 0.5 : 1;
    const contenders: Contender<AloneRun>[] = mappings.flatMap((mapping) =>
      engines.map((engine): Contender<AloneRun> => {
        const label = `${cases[mapping].name}: ${engineLabel[engine]}`;
        if (engine === 'seam' && seamMissing) return { label, missing: seamMissing };
        const input: JsonataAloneInput = { mapping, crmExpression: crm.expression, engine, seconds };
        return { label, measure: () => runWorker<AloneRun>({ script: 'workers/jsonata-alone.worker.ts', input, timeoutMs: 60_000 }) };
      }),
    );
    ctx.progress(`jsonata alone: ${contenders.length} contenders × ${options.runs} rounds of ${seconds} s`);
    const runs = await runRounds(contenders, options.runs, ctx.progress, options.partBudgetSeconds);
    const rows: Row[] = [];
    const ratios: Ratio[] = [];
    const summaries: string[] = [];
    const interpreted: string[] = [];
    for (const [m, mapping] of mappings.entries()) {
      const [seam, interpreter, hand] = engines.map((_, e) => runs[m * engines.length + e]!);
      const note = seam!.results.length > 0 && seam!.results.some((r) => !r.compiled) ? 'fell back to the interpreter' : undefined;
      if (note) interpreted.push(cases[mapping].name);
      const [seamRow, interpreterRow, handRow] = [rowOf(seam!, 'records/s', (r) => r.recordsPerSecond, seam!.label, note), rowOf(interpreter!, 'records/s', (r) => r.recordsPerSecond), rowOf(hand!, 'records/s', (r) => r.recordsPerSecond)];
      rows.push(seamRow, interpreterRow, handRow);
      const vsInterpreter = ratioOf(`${cases[mapping].name}: Seam / jsonata evaluate`, seamRow, interpreterRow, '≥ 10× (issue 6)');
      const vsHand = ratioOf(`${cases[mapping].name}: Seam / hand-written`, seamRow, handRow, '≥ 0.50 (issue 6)');
      ratios.push(vsInterpreter, vsHand);
      if (mapping === 'crm') {
        summaries.push(`Seam ${formatNumber(seamRow.summary?.median ?? Number.NaN)} rec/s, jsonata ${formatNumber(interpreterRow.summary?.median ?? Number.NaN)}, hand ${formatNumber(handRow.summary?.median ?? Number.NaN)} → ${formatRatio(vsInterpreter.value)} the interpreter, ${formatRatio(vsHand.value)} hand-written`);
      } else {
        summaries.push(`${mapping}: ${formatRatio(vsInterpreter.value)} / ${formatRatio(vsHand.value)}`);
      }
    }
    return [
      {
        id: 'jsonata',
        title,
        status: 'measured',
        rows,
        ratios,
        notes: [
          `Each run: one process, 2,000 distinct CRM events evaluated round-robin for ${seconds} s after a 0.3 s warm-up. Seam's transform is @seam/jsonata-compiler's compileJsonata with the transform node's default bounds (1 s, depth 500), the engine the runtime's jsonata node runs; "jsonata evaluate" is the jsonata package with no bounds.`,
          'Before measuring, each hand-written mapping is checked to give the same result as its JSONata on 500 events. The reshaping and grouping mappings are the bench\'s own (bench/jsonata/mapping-cases.ts), standing for issue 6\'s "two more realistic mappings".',
          ...(interpreted.length > 0 ? [`Not compiled (interpreter fallback): ${interpreted.join(', ')}.`] : []),
          ...(seamMissing ? [`Seam's transform not measured: ${seamMissing}`] : []),
        ],
        summary: `jsonata alone (crm-to-billing): ${summaries.join('; ')}`,
      },
    ];
  },
};
