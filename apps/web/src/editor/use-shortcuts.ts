import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { EditorStore } from './editor-store';
import { copySelection, pasteInto } from './editor-clipboard';
import { toast } from '../app/toasts';

export interface ShortcutActions {
  readonly save: () => void;
  readonly toggleHelp: () => void;
  readonly focusSearch: () => void;
}

/** The keyboard shortcuts listed in the help panel. */
export const shortcutList: readonly { keys: string; what: string }[] = [
  { keys: 'Delete / Backspace', what: 'Delete the selected nodes and connections' },
  { keys: 'Ctrl/⌘ + Z', what: 'Undo' },
  { keys: 'Ctrl/⌘ + Y, Ctrl/⌘ + Shift + Z', what: 'Redo' },
  { keys: 'Ctrl/⌘ + C', what: 'Copy the selected nodes (paste them in any flow)' },
  { keys: 'Ctrl/⌘ + V', what: 'Paste nodes' },
  { keys: 'Ctrl/⌘ + A', what: 'Select every node' },
  { keys: 'Ctrl/⌘ + S', what: 'Save' },
  { keys: 'Ctrl/⌘ + F', what: 'Search nodes' },
  { keys: 'F', what: 'Fit the whole flow in view' },
  { keys: 'Shift + drag', what: 'Select several nodes with a box' },
  { keys: '?', what: 'Show or hide this help' },
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Wires the shortcuts to the editor; typing in a field or the code editors is never intercepted (except save). */
export function useShortcuts(store: EditorStore, actions: ShortcutActions): void {
  const { fitView, screenToFlowPosition } = useReactFlow();
  useEffect(() => {
    let pasteSeen = false;
    const viewCentre = () => {
      const box = document.querySelector('.canvas')?.getBoundingClientRect();
      return box ? screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : undefined;
    };
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 's') {
        e.preventDefault();
        actions.save();
        return;
      }
      if (isTyping(e.target) || document.querySelector('[role="dialog"]')) return;
      const state = store.getState();
      if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
        e.preventDefault();
        state.apply({ type: 'remove', nodeIds: state.selectedNodes, edgeKeys: state.selectedEdges });
      } else if (mod && key === 'z' && !e.shiftKey) {
        e.preventDefault();
        state.undo();
      } else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) {
        e.preventDefault();
        state.redo();
      } else if (mod && key === 'a') {
        e.preventDefault();
        state.select(state.document.nodes.map((n) => n.id));
      } else if (mod && key === 'f') {
        e.preventDefault();
        actions.focusSearch();
      } else if (mod && key === 'c') {
        // The copy event below fills the system clipboard; this covers browsers that do not fire it.
        const n = copySelection(store);
        if (n) toast(`Copied ${n} node${n === 1 ? '' : 's'}. Paste with Ctrl+V here or in another flow.`);
      } else if (mod && key === 'v') {
        pasteSeen = false;
        window.setTimeout(() => { if (!pasteSeen) pasteInto(store, undefined, viewCentre()); }, 80);
      } else if (!mod && !e.altKey && key === 'f') {
        e.preventDefault();
        void fitView({ padding: 0.12, duration: 200 });
      } else if (e.key === '?') {
        actions.toggleHelp();
      }
    };
    const onCopy = (e: ClipboardEvent) => {
      if (isTyping(e.target) || !store.getState().selectedNodes.length) return;
      e.preventDefault();
      copySelection(store, e.clipboardData);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTyping(e.target)) return;
      pasteSeen = true;
      e.preventDefault();
      const n = pasteInto(store, e.clipboardData?.getData('text/plain'), viewCentre());
      if (n === 0) toast('Nothing to paste: copy nodes in a Seam flow first.');
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, actions, fitView, screenToFlowPosition]);
}
