import type { EditorStore } from './editor-store';
import { copyNodes, parseClipboard, pasteChange, type ClipboardPayload } from './clipboard';

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
export function pasteInto(store: EditorStore, text?: string): number {
  const payload: ClipboardPayload | undefined = (text ? parseClipboard(text) : undefined) ?? storedPayload();
  if (!payload) return 0;
  const state = store.getState();
  const { change, nodeIds } = pasteChange(state.document, payload, { x: 40, y: 40 });
  state.apply(change);
  state.select(nodeIds);
  return nodeIds.length;
}

function storedPayload(): ClipboardPayload | undefined {
  try {
    const text = localStorage.getItem(KEY);
    return text ? parseClipboard(text) : undefined;
  } catch {
    return undefined;
  }
}
