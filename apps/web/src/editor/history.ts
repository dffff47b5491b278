import type { FlowDocument } from '@seam/flow';

/** Undo/redo as two stacks of whole documents: documents are immutable, so a snapshot costs one pointer. */
export interface History {
  readonly past: readonly FlowDocument[];
  readonly future: readonly FlowDocument[];
}

export const emptyHistory: History = { past: [], future: [] };

const LIMIT = 200;

/** Records `before` as the state to return to; a new edit clears the redo stack. */
export function recordEdit(history: History, before: FlowDocument): History {
  return { past: [...history.past.slice(-(LIMIT - 1)), before], future: [] };
}

export function undo(history: History, current: FlowDocument): { history: History; document: FlowDocument } | undefined {
  const previous = history.past.at(-1);
  if (!previous) return undefined;
  return { history: { past: history.past.slice(0, -1), future: [current, ...history.future] }, document: previous };
}

export function redo(history: History, current: FlowDocument): { history: History; document: FlowDocument } | undefined {
  const next = history.future[0];
  if (!next) return undefined;
  return { history: { past: [...history.past, current], future: history.future.slice(1) }, document: next };
}
