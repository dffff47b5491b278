import { api } from '../api/api-client';
import type { EditorStore } from './editor-store';
import { emptyHistory } from './history';

/**
 * Compares the server's version of the flow with the one the editor started from. Without local edits the editor
 * follows it (the file was edited on disk or saved from another tab); with local edits it only raises a flag, and
 * saving will ask what to keep.
 */
export async function followRemote(store: EditorStore): Promise<void> {
  const remote = await api.getFlow(store.getState().flowId);
  const s = store.getState();
  if (remote.etag === s.etag || !remote.document) return;
  if (s.document === s.savedDocument) {
    store.setState({ document: remote.document, savedDocument: remote.document, etag: remote.etag, history: emptyHistory, remoteChanged: false });
    store.getState().refreshProblems();
  } else {
    store.setState({ remoteChanged: true });
  }
}
