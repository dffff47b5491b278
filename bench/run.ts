// `npm run bench`: measures Seam against a hand-written baseline and Node-RED, writes RESULTS.md and results.json.
import path from 'node:path';
import { parseOptions, type PartId } from './lib/options.js';
import { benchDir, dataDir } from './lib/paths.js';
import { describeMachine } from './lib/machine.js';
import { NotReady, notMeasured, type Figure } from './lib/figure.js';
import { writeResults, type PartTime } from './lib/report.js';
import type { BenchPart, PartContext } from './lib/part.js';
import { pipelinePart } from './parts/pipeline.part.js';
import { failurePart } from './parts/failure.part.js';
import { webhookPart } from './parts/webhook.part.js';
import { memoryPart } from './parts/memory.part.js';
import { jsonataPart } from './parts/jsonata.part.js';
import { designerPart } from './parts/designer.part.js';
import { loadCrmFlow } from './crm/crm-flow.js';
import { assertHandMatchesJsonata } from './crm/mapping-check.js';
import { mapCrmOrderByHand } from './crm/hand-mapping.js';

const parts: readonly BenchPart[] = [pipelinePart, failurePart, webhookPart, memoryPart, jsonataPart, designerPart];

const started = performance.now();
const options = parseOptions(process.argv.slice(2), benchDir, path.join(dataDir, 'quick'));
const ctx: PartContext = { options, progress: (line) => process.stderr.write(`${line}\n`) };
const machine = describeMachine();

await checkBaselineMatchesFlow();
const figures: Figure[] = [];
const partSeconds: PartTime[] = [];
for (const part of parts) {
  const selected = part.figures.map((f) => f.id).filter((id) => options.parts.includes(id));
  if (selected.length === 0) continue;
  const partStarted = performance.now();
  figures.push(...(await runPart(part, selected)));
  partSeconds.push({ figures: selected, seconds: (performance.now() - partStarted) / 1000 });
}
figures.sort((a, b) => order(a.id) - order(b.id));

const written = writeResults({ command: options.commandLine, machine, options, durationSeconds: (performance.now() - started) / 1000, partSeconds, figures });
console.log('');
for (const f of figures) console.log(f.summary);
console.log(`\nwritten: ${written.map((p) => path.relative(process.cwd(), p)).join(', ')}`);

/** A part that cannot run yet, or fails, becomes "not measured: why" lines; the rest of the bench goes on. */
async function runPart(part: BenchPart, selected: readonly PartId[]): Promise<Figure[]> {
  try {
    const produced = await part.run(ctx, selected);
    return produced.filter((f) => selected.includes(f.id as PartId));
  } catch (e) {
    const reason = e instanceof NotReady ? e.message : `failed: ${e instanceof Error ? e.message : String(e)}`;
    ctx.progress(`${selected.join(', ')}: not measured: ${reason}`);
    if (!(e instanceof NotReady) && e instanceof Error && e.stack) ctx.progress(e.stack);
    return part.figures.filter((f) => selected.includes(f.id)).map((f) => notMeasured(f.id, f.title, reason));
  }
}

function order(id: string): number {
  return options.parts.indexOf(id as PartId);
}

/** The baseline is only a baseline if it computes what the flow computes: checked before any figure is taken. */
async function checkBaselineMatchesFlow(): Promise<void> {
  try {
    const crm = loadCrmFlow();
    await assertHandMatchesJsonata(crm.expression, mapCrmOrderByHand, Object.values(crm.document.samples).flat());
  } catch (e) {
    if (!(e instanceof NotReady)) throw e;
  }
}
