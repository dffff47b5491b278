import { useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { api, errorMessage } from '../api/api-client';
import { createEditorStore, type EditorStore } from '../editor/editor-store';
import { EditorProvider } from '../editor/editor-context';
import { EditorLayout } from '../editor/editor-layout';
import { AppHeader } from './app-header';
import { routeHref, type Route } from './router';

/** Loads one flow and opens it in a fresh editor store. */
export function FlowEditorPage({ flowId, tab }: { flowId: string; tab: Extract<Route, { page: 'flow' }>['tab'] }) {
  const [store, setStore] = useState<EditorStore | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let cancelled = false;
    api.getFlow(flowId).then(
      ({ document, etag, problems }) => {
        if (cancelled) return;
        if (document) setStore(createEditorStore({ flowId, document, etag }));
        else setError(`the file is not a readable flow. ${(problems ?? []).map((p) => p.message).slice(0, 3).join(' ')} Fix the file in the flows folder, then reload.`);
      },
      (e: unknown) => { if (!cancelled) setError(errorMessage(e)); },
    );
    return () => { cancelled = true; };
  }, [flowId]);

  if (!store) {
    return (
      <div className="page">
        <AppHeader />
        <main className="page-body">
          {error
            ? <div className="banner banner-error" role="alert">Could not open the flow “{flowId}”: {error} <a href={routeHref({ page: 'flows' })}>Back to the flows</a></div>
            : <p className="muted">Opening {flowId}…</p>}
        </main>
      </div>
    );
  }
  return (
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <EditorLayout tab={tab} />
      </ReactFlowProvider>
    </EditorProvider>
  );
}
