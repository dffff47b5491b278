import type { FlowDocument, Position } from '@seam/flow';

/** A node's width (176) and room for an edge between columns: compact enough that a five-step flow reads at 1280 px. */
export const LAYER_GAP = 220;
export const ROW_GAP = 120;

/**
 * Left-to-right layered layout: each node's column is its longest distance from a source; within a column nodes
 * are ordered by the average row of their parents (one barycentre pass), then centred vertically.
 */
export function autoLayout(doc: FlowDocument): Record<string, Position> {
  const ids = doc.nodes.map((n) => n.id);
  const parents = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of doc.edges) parents.get(e.to)?.push(e.from);

  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const depth = (id: string): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a loop (reported by the graph checks): cut it here
    visiting.add(id);
    const d = Math.max(-1, ...(parents.get(id) ?? []).map(depth)) + 1;
    visiting.delete(id);
    layer.set(id, d);
    return d;
  };
  ids.forEach(depth);

  const columns: string[][] = [];
  for (const id of ids) (columns[layer.get(id) ?? 0] ??= []).push(id);
  const row = new Map<string, number>();
  const positions: Record<string, Position> = {};
  const tallest = Math.max(0, ...columns.map((c) => c?.length ?? 0));
  columns.forEach((column = [], x) => {
    const score = (id: string) => {
      const rows = (parents.get(id) ?? []).map((p) => row.get(p)).filter((r): r is number => r !== undefined);
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : ids.indexOf(id);
    };
    const sorted = [...column].sort((a, b) => score(a) - score(b));
    const top = ((tallest - sorted.length) * ROW_GAP) / 2;
    sorted.forEach((id, y) => {
      row.set(id, y);
      positions[id] = { x: x * LAYER_GAP, y: top + y * ROW_GAP };
    });
  });
  return positions;
}
