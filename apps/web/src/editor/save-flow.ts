import { api, ApiError, errorMessage } from '../api/api-client';
import type { EditorStore } from './editor-store';

export type SaveOutcome =
  | { readonly kind: 'saved' }
  | { readonly kind: 'conflict'; readonly currentEtag?: string }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Saves the editor's document with If-Match on the etag it was loaded with. A stale etag (someone else saved, or
 * the file changed on disk) is a conflict for the user to settle, never a silent overwrite.
 */
export async function saveFlow(store: EditorStore): Promise<SaveOutcome> {
  const { flowId, document, etag } = store.getState();
  try {
    const saved = await api.saveFlow(flowId, document, etag);
    // Keep edits made while the request was in flight; they stay unsaved against the new baseline.
    store.setState({ savedDocument: document, etag: saved.etag, remoteChanged: false });
    return { kind: 'saved' };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 409 || error.status === 412)) {
      return { kind: 'conflict', ...(error.body?.currentEtag ? { currentEtag: error.body.currentEtag } : {}) };
    }
    return { kind: 'failed', message: errorMessage(error) };
  }
}

/** Throws away local edits and loads the server's version ("reload theirs"). */
export async function reloadFromServer(store: EditorStore): Promise<void> {
  const { document, etag } = await api.getFlow(store.getState().flowId);
  if (!document) throw new Error('the saved version is not a readable flow any more: fix the file in the flows folder');
  store.setState({ document, savedDocument: document, etag, history: { past: [], future: [] }, selectedNodes: [], selectedEdges: [], remoteChanged: false });
  store.getState().refreshProblems();
}
