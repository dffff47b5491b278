// Measures the designer on a 500-node flow in real Chromium: load-to-interactive time and frame times while
// panning and dragging. A measurement, not a test: `npx tsx test/perf/large-flow.ts` prints one JSON line.
// Needs the built web app (npm run build).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { serializeFlow, type FlowDocument, type FlowEdge, type FlowNode } from '@seam/flow';
import { startServer } from '@seam/server';

const CHAINS = 100; // × 5 nodes
const root = resolve(import.meta.dirname, '..', '..');

function largeFlow(): FlowDocument {
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  const layout: Record<string, { x: number; y: number }> = {};
  for (let c = 0; c < CHAINS; c++) {
    const ids = ['in', 'map', 'check', 'retry', 'out'].map((s) => `${s}-${c}`);
    nodes.push(
      { id: ids[0]!, type: 'inline', config: { messages: [{ n: c }] } },
      { id: ids[1]!, type: 'jsonata', config: { expression: '{"n": n * 2}' } },
      { id: ids[2]!, type: 'json-schema', config: { schema: { type: 'object' } } },
      { id: ids[3]!, type: 'retry', config: {} },
      { id: ids[4]!, type: 'log', config: {} },
    );
    ids.forEach((id, i) => {
      layout[id] = { x: i * 250, y: c * 120 };
      if (i > 0) edges.push({ from: ids[i - 1]!, to: id });
    });
  }
  return { formatVersion: 2, id: 'large', name: 'Five hundred nodes', description: '', nodes, edges, contracts: {}, samples: {}, layout: { nodes: layout } };
}

const work = mkdtempSync(join(tmpdir(), 'seam-perf-'));
mkdirSync(join(work, 'flows'));
writeFileSync(join(work, 'flows', 'large.json'), serializeFlow(largeFlow()));
const server = await startServer({ port: 0, flowsDir: join(work, 'flows'), dataDir: join(work, 'data'), token: 'perf-token-0123456789', webDist: join(root, 'apps', 'web', 'dist') });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}/#token=perf-token-0123456789`);
  await page.waitForSelector('h1');
  const started = Date.now();
  await page.goto(`${server.url}/#/flows/large`);
  await page.waitForSelector('.react-flow__node');
  const loadToInteractiveMs = Date.now() - started;
  const rendered = await page.locator('.react-flow__node').count();

  // Frame times while panning (zoomed in, as one works) and while dragging a node.
  await page.evaluate(`window.__frames = []; (function tick(t) { window.__frames.push(t); requestAnimationFrame(tick); })(performance.now())`);
  const pane = page.locator('.react-flow__pane');
  const box = await pane.boundingBox();
  if (!box) throw new Error('no canvas');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < 60; i++) await page.mouse.move(cx - i * 8, cy - i * 6);
  await page.mouse.up();
  const node = page.locator('.react-flow__node').first();
  const nb = await node.boundingBox();
  if (nb) {
    await page.mouse.move(nb.x + 20, nb.y + 10);
    await page.mouse.down();
    for (let i = 0; i < 40; i++) await page.mouse.move(nb.x + 20 + i * 4, nb.y + 10 + i * 2);
    await page.mouse.up();
  }
  const frames = await page.evaluate('window.__frames') as number[];
  const deltas = frames.slice(1).map((t, i) => t - (frames[i] ?? t)).sort((a, b) => a - b);
  const pct = (p: number) => Math.round((deltas[Math.min(deltas.length - 1, Math.floor(deltas.length * p))] ?? 0) * 10) / 10;
  console.log(JSON.stringify({ nodes: CHAINS * 5, renderedNodes: rendered, loadToInteractiveMs, frames: deltas.length, frameP50Ms: pct(0.5), frameP95Ms: pct(0.95), frameMaxMs: pct(1) }));
} finally {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
