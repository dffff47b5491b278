import { useCallback, useEffect, useRef, useState } from 'react';
import { loadFlowText } from '@seam/flow';
import { api, ApiError, errorMessage } from '../api/api-client';
import type { FlowSummary } from '../api/api-types';
import { navigate } from '../app/router';
import { toast } from '../app/toasts';
import { AppHeader } from '../app/app-header';
import { DeleteDialog, NameDialog } from './flow-dialogs';
import { FlowTable, type FlowAction } from './flow-table';
import { copyId } from './flow-id';
import { downloadFlow, exportFileName } from './download';
import { newFlowDocument } from './new-flow';

type OpenDialog =
  | { kind: 'create' }
  | { kind: 'rename'; flow: FlowSummary }
  | { kind: 'delete'; flow: FlowSummary };

/** All flows of the flows folder, with the actions that manage them. */
export function FlowListPage() {
  const [flows, setFlows] = useState<readonly FlowSummary[] | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [dialog, setDialog] = useState<OpenDialog | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => {
    try {
      const list = await api.listFlows();
      setFlows([...list].sort((a, b) => a.name.localeCompare(b.name)));
      setLoadError(undefined);
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, []);

  useEffect(() => { void refresh(); }, [refresh]);

  const taken = new Set(flows?.map((f) => f.id) ?? []);

  const create = async (name: string, id: string) => {
    try {
      await api.createFlow(newFlowDocument(id, name));
      setDialog(undefined);
      navigate({ page: 'flow', id, tab: 'design' });
    } catch (error) {
      toast(error instanceof ApiError && error.status === 409 ? `A flow with the id "${id}" already exists.` : errorMessage(error), 'error');
    }
  };

  const act = async (flow: FlowSummary, action: FlowAction) => {
    if (action === 'rename' || action === 'delete') { setDialog({ kind: action, flow }); return; }
    try {
      const { document } = await api.getFlow(flow.id);
      if (!document) {
        toast(`“${flow.name}” is not a readable flow file: fix ${flow.file ?? flow.id} in the flows folder first.`, 'error');
        return;
      }
      if (action === 'export') {
        downloadFlow(document, exportFileName(flow.id, flow.file));
        return;
      }
      const id = copyId(flow.id, taken);
      await api.createFlow({ ...document, id, name: `${document.name} (copy)` });
      toast(`Duplicated as “${document.name} (copy)”.`, 'success');
      await refresh();
    } catch (error) {
      toast(errorMessage(error), 'error');
    }
  };

  const rename = async (flow: FlowSummary, name: string, newId: string) => {
    try {
      await api.renameFlow(flow.id, newId, name);
      setDialog(undefined);
      await refresh();
    } catch (error) {
      toast(errorMessage(error), 'error');
    }
  };

  const remove = async (flow: FlowSummary) => {
    try {
      await api.deleteFlow(flow.id);
      setDialog(undefined);
      toast(`Deleted “${flow.name}”.`, 'success');
      await refresh();
    } catch (error) {
      toast(errorMessage(error), 'error');
    }
  };

  const importFile = async (file: File) => {
    const loaded = loadFlowText(await file.text());
    if (!loaded.document) {
      toast(`${file.name} is not a flow: ${loaded.problems[0]?.message ?? 'unreadable'}`, 'error');
      return;
    }
    const clash = taken.has(loaded.document.id);
    const document = clash ? { ...loaded.document, id: copyId(loaded.document.id, taken), name: `${loaded.document.name} (imported)` } : loaded.document;
    try {
      await api.createFlow(document);
      toast(`Imported “${document.name}”${clash ? ` as ${document.id} (the id ${loaded.document.id} was taken)` : ''}${loaded.problems.length ? ` with ${loaded.problems.length} problem(s) to fix` : ''}.`, 'success');
      await refresh();
    } catch (error) {
      toast(errorMessage(error), 'error');
    }
  };

  return (
    <div className="page">
      <AppHeader>
        <button className="button" onClick={() => fileInput.current?.click()}>Import…</button>
        <button className="button primary" onClick={() => setDialog({ kind: 'create' })}>New flow</button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Import a flow file"
          onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); e.target.value = ''; }}
        />
      </AppHeader>
      <main className="page-body">
        <div className="page-title-row">
          <h1>Flows</h1>
          <span className="muted">{flows ? `${flows.length} flow${flows.length === 1 ? '' : 's'} in the flows folder` : ''}</span>
        </div>
        {loadError && <div className="banner banner-error" role="alert">Could not load the flows: {loadError}</div>}
        {!flows && !loadError && <p className="muted">Loading flows…</p>}
        {flows && flows.length === 0 && (
          <div className="empty-state">
            <h2>No flows yet</h2>
            <p>A flow moves messages from a source through mappings and checks to a sink. Start one from scratch or import a flow file.</p>
            <button className="button primary" onClick={() => setDialog({ kind: 'create' })}>Create your first flow</button>
          </div>
        )}
        {flows && flows.length > 0 && <FlowTable flows={flows} onAction={(f, a) => void act(f, a)} />}
      </main>
      {dialog?.kind === 'create' && (
        <NameDialog title="New flow" confirm="Create flow" initialName="" onSubmit={(n, id) => void create(n, id)} onCancel={() => setDialog(undefined)} />
      )}
      {dialog?.kind === 'rename' && (
        <NameDialog
          title={`Rename “${dialog.flow.name}”`}
          confirm="Rename"
          initialName={dialog.flow.name}
          initialId={dialog.flow.id}
          onSubmit={(n, id) => void rename(dialog.flow, n, id)}
          onCancel={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteDialog flow={dialog.flow} onConfirm={() => void remove(dialog.flow)} onCancel={() => setDialog(undefined)} />
      )}
    </div>
  );
}
