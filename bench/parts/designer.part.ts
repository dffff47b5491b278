import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { dataDir, repoRoot } from '../lib/paths.js';
import { loadStartServer } from '../lib/seam-modules.js';
import { NotReady, rowOf } from '../lib/figure.js';
import { formatNumber } from '../lib/format.js';
import { runRounds } from '../lib/rounds.js';
import { spawnTs } from '../lib/worker.js';
import type { BenchPart } from '../lib/part.js';
import { stopChild, waitForReadyLine } from '../webhook/service.js';
import { largeFlowId, writeLargeFlow } from '../designer/large-flow.js';
import { measureDesignerOnce, type DesignerRun } from '../designer/designer-run.js';

const title = '6. Designer scale: a generated large flow in headless Chromium';
const webDist = path.join(repoRoot, 'apps', 'web', 'dist');

/** Builds the designer (Vite, about a second) so that the figure is of the current code, not a stale dist/. */
function buildWebApp(): void {
  const build = spawnSync('npm', ['run', 'build', '-w', '@seam/web'], { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 });
  if (build.status !== 0 || !existsSync(path.join(webDist, 'index.html'))) {
    throw new NotReady(`the designer does not build (npm run build -w @seam/web): ${(build.stderr || build.stdout || '').trim().split('\n').slice(-3).join(' | ')}`);
  }
}

export const designerPart: BenchPart = {
  figures: [{ id: 'designer', title }],
  async run(ctx) {
    const { options } = ctx;
    const n = options.designerNodes;
    await loadStartServer();
    if (!existsSync('/usr/bin/chromium')) throw new NotReady('no Chromium at /usr/bin/chromium');
    ctx.progress('designer: building the web app');
    buildWebApp();
    const folder = path.join(dataDir, 'designer');
    rmSync(folder, { recursive: true, force: true });
    const flowsDir = path.join(folder, 'flows');
    writeLargeFlow(flowsDir, n);
    const server = spawnTs({ script: 'workers/seam-server.worker.ts', input: { flowsDir, dataDir: path.join(folder, 'data'), webDist } });
    try {
      const ready = await waitForReadyLine(server, 'Seam server', 60_000);
      if (!ready.url || !ready.token) throw new Error('the Seam server announced no URL or token');
      const { url, token } = ready;
      ctx.progress(`designer: ${n}-node flow, ${options.runs} visits`);
      const [runs] = await runRounds([{ label: 'Seam designer', measure: () => measureDesignerOnce(url, token, largeFlowId, n) }], options.runs, ctx.progress, options.partBudgetSeconds);
      const r = runs!;
      const rows = [
        rowOf(r, 'ms', (x: DesignerRun) => x.interactiveMs, `navigation → ${n} nodes drawn and interactive`),
        rowOf(r, 'ms', (x: DesignerRun) => x.frameP50Ms, 'frame time while panning, median'),
        rowOf(r, 'ms', (x: DesignerRun) => x.frameP95Ms, 'frame time while panning, p95'),
        rowOf(r, 'ms', (x: DesignerRun) => x.frameMaxMs, 'frame time while panning, worst'),
      ];
      const stalled = r.results.filter((x) => x.pannedPx < 50).length;
      return [
        {
          id: 'designer',
          title,
          status: 'measured',
          rows,
          ratios: [],
          notes: [
            `A generated ${n}-node flow (chains inline → jsonata → json-schema → retry → log, ${Math.floor((n * 4) / 5)} edges, laid out on a grid) served by Seam's server with the built designer; each visit a fresh headless Chromium (${'--headless --no-sandbox --disable-gpu'}, software rendering), viewport 1440×900.`,
            'Interactive: in-page performance.now() (origin: navigation start) once every node is in the DOM (fit-to-view puts all of them in view) and two animation frames have passed. Panning: a drag on the empty canvas of 120 mouse moves 16 ms apart (about 2 s, there and back), frame intervals from requestAnimationFrame; 16.7 ms is 60 fps.',
            `Nodes in the DOM: ${r.results.map((x) => x.nodesInDom).join(', ')}; frames recorded per pan: ${r.results.map((x) => x.frames).join(', ')}.`,
            ...(stalled > 0 ? [`In ${stalled} visit(s) the viewport moved less than 50 px: the drag did not pan and those frame times measure an idle canvas.`] : []),
          ],
          summary: `designer: ${n} nodes interactive after ${formatNumber(rows[0]!.summary?.median ?? Number.NaN)} ms; panning frames median ${formatNumber(rows[1]!.summary?.median ?? Number.NaN)} ms, p95 ${formatNumber(rows[2]!.summary?.median ?? Number.NaN)} ms`,
        },
      ];
    } finally {
      await stopChild(server);
    }
  },
};
