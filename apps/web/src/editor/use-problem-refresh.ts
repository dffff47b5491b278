import { useEffect } from 'react';
import type { EditorStore } from './editor-store';

/** Re-runs the flow checks shortly after the document stops changing (a drag produces many documents per second). */
export function useProblemRefresh(store: EditorStore, delayMs = 120): void {
  useEffect(() => {
    let timer: number | undefined;
    const unsubscribe = store.subscribe((state, previous) => {
      const a = state.document;
      const b = previous.document;
      // Moving nodes changes only the layout, which the checks barely look at: skip those.
      if (a === b || (a.nodes === b.nodes && a.edges === b.edges && a.samples === b.samples && a.name === b.name && a.contracts === b.contracts)) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => store.getState().refreshProblems(), delayMs);
    });
    return () => { unsubscribe(); window.clearTimeout(timer); };
  }, [store, delayMs]);
}
