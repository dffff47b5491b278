import type { FlowDocument, Position } from '@seam/flow';
import type { EditorStore } from './editor-store';
import { copyNodes, parseClipboard, pasteChange, type ClipboardPayload } from './clipboard';
import { NODE_WIDTH } from '../canvas/add-node';

const KEY = 'seam.clipboard';

/** Copies the selected nodes: to the system clipboard when allowed, and to local storage for other flows and tabs. */
export function copySelection(store: EditorStore, clipboardData?: DataTransfer | null): number {
  const { document, selectedNodes } = store.getState();
  const payload = copyNodes(document, selectedNodes);
  if (!payload) return 0;
  const text = JSON.stringify(payload);
  try { localStorage.setItem(KEY, text); } catch { /* storage full or disabled: the system clipboard still has it */ }
  if (clipboardData) clipboardData.setData('text/plain', text);
  else void navigator.clipboard?.writeText(text).catch(() => undefined);
  return payload.nodes.length;
}

/** Pastes nodes copied by Seam (from this flow, another flow or another tab); returns how many were added. */
export function pasteInto(store: EditorStore, text?: string, viewCentre?: Position): number {
  const payload: ClipboardPayload | undefined = (text ? parseClipboard(text) : undefined) ?? storedPayload();
  if (!payload) return 0;
  const state = store.getState();
  const { change, nodeIds } = pasteChange(state.document, payload, pasteOffset(state.document, payload, viewCentre));
  state.apply(change);
  state.select(nodeIds);
  return nodeIds.length;
}

/**
 * Copies of nodes still in this flow land just below-right of the originals; nodes from another flow land in the
 * middle of the view, where the user is looking.
 */
function pasteOffset(doc: FlowDocument, payload: ClipboardPayload, viewCentre?: Position): Position {
  const fromThisFlow = payload.nodes.every((n) => doc.nodes.some((d) => d.id === n.id));
  const points = Object.values(payload.positions);
  if (fromThisFlow || !viewCentre || points.length === 0) return { x: 40, y: 40 };
  const left = Math.min(...points.map((p) => p.x));
  const top = Math.min(...points.map((p) => p.y));
  return { x: Math.round(viewCentre.x - NODE_WIDTH / 2 - left), y: Math.round(viewCentre.y - 40 - top) };
}

function storedPayload(): ClipboardPayload | undefined {
  try {
    const text = localStorage.getItem(KEY);
    return text ? parseClipboard(text) : undefined;
  } catch {
    return undefined;
  }
}
