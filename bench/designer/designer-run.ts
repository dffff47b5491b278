import { chromium } from '@playwright/test';
import { afterTwoFrames, countNodes, findPanePoint, startFrameRecorder, stopFrameRecorder, viewportTranslate } from './page-scripts.js';

interface Point {
  readonly x: number;
  readonly y: number;
}

/** One visit of the designer on the large flow: load time and frame times while panning. */
export interface DesignerRun {
  /** From navigation start until the canvas has drawn its nodes and two frames have passed (in-page clock). */
  readonly interactiveMs: number;
  readonly nodesInDom: number;
  readonly frameP50Ms: number;
  readonly frameP95Ms: number;
  readonly frameMaxMs: number;
  readonly frames: number;
  /** How far the viewport moved: a pan that did not pan measures nothing. */
  readonly pannedPx: number;
}

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

/** Opens the flow in a fresh headless Chromium, waits for the canvas, then drags the pane for ~2 s at 60 moves/s. */
export async function measureDesignerOnce(baseUrl: string, token: string, flowId: string, expectedNodes: number): Promise<DesignerRun> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl}/?token=${encodeURIComponent(token)}#/flows/${encodeURIComponent(flowId)}`);
    // Virtualised canvases draw only what is in view; fitView puts the whole flow in view, so expect every node.
    await page.waitForFunction(`${countNodes} >= ${expectedNodes}`, undefined, { timeout: 60_000 });
    const interactiveMs = (await page.evaluate(afterTwoFrames)) as number;
    const nodesInDom = (await page.evaluate(countNodes)) as number;

    const start = (await page.evaluate(findPanePoint)) as Point | null;
    if (!start) throw new Error('found no empty spot of the canvas to drag');
    const before = (await page.evaluate(viewportTranslate)) as Point;
    await page.evaluate(startFrameRecorder);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    let midway = before;
    for (let i = 1; i <= 120; i++) {
      // A hand moving left and up, then back: stays over the canvas, keeps the whole drag a pan.
      const phase = i <= 60 ? i : 120 - i;
      await page.mouse.move(start.x - phase * 6, start.y - phase * 3);
      await new Promise((r) => setTimeout(r, 16));
      if (i === 60) midway = (await page.evaluate(viewportTranslate)) as Point;
    }
    await page.mouse.up();
    const frames = (await page.evaluate(stopFrameRecorder)) as number[];
    const sorted = [...frames].sort((a, b) => a - b);
    return {
      interactiveMs,
      nodesInDom,
      frameP50Ms: percentile(sorted, 0.5),
      frameP95Ms: percentile(sorted, 0.95),
      frameMaxMs: sorted[sorted.length - 1] ?? Number.NaN,
      frames: frames.length,
      pannedPx: Math.hypot(midway.x - before.x, midway.y - before.y),
    };
  } finally {
    await browser.close();
  }
}
