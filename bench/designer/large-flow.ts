import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadFlowValue, serializeFlow } from '@seam/flow';

export const largeFlowId = 'bench-designer-large';

/**
 * A valid flow of `nodeCount` nodes: chains of five (inline → jsonata → json-schema → retry → log), laid out in a
 * grid so that the designer has real edges to draw and real space to pan. Written as `<flowsDir>/<id>.json`.
 */
export function writeLargeFlow(flowsDir: string, nodeCount: number): void {
  const chainTypes = [
    { type: 'inline', config: { messages: [{ n: 1 }] } },
    { type: 'jsonata', config: { expression: '{ "n": n + 1 }' } },
    { type: 'json-schema', config: { schema: { type: 'object' } } },
    { type: 'retry', config: { attempts: 3 } },
    { type: 'log', config: { level: 'info' } },
  ];
  const nodes: { id: string; type: string; config: Record<string, unknown> }[] = [];
  const edges: { from: string; to: string }[] = [];
  const positions: Record<string, { x: number; y: number }> = {};
  const chainsPerRow = 4;
  for (let i = 0; i < nodeCount; i++) {
    const chain = Math.floor(i / chainTypes.length);
    const step = i % chainTypes.length;
    const id = `n${i}`;
    nodes.push({ id, ...chainTypes[step]! });
    if (step > 0) edges.push({ from: `n${i - 1}`, to: id });
    positions[id] = { x: (chain % chainsPerRow) * 1400 + step * 260, y: Math.floor(chain / chainsPerRow) * 160 };
  }
  const loaded = loadFlowValue({
    formatVersion: 2,
    id: largeFlowId,
    name: `Bench: ${nodeCount} nodes`,
    nodes,
    edges,
    layout: { nodes: positions },
  });
  if (!loaded.document) throw new Error(`the large bench flow does not load: ${JSON.stringify(loaded.problems.slice(0, 3))}`);
  mkdirSync(flowsDir, { recursive: true });
  writeFileSync(path.join(flowsDir, `${largeFlowId}.json`), serializeFlow(loaded.document));
}
