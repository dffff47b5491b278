import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { api, errorMessage } from '../api/api-client';
import { AppHeader } from '../app/app-header';
import { navigate, routeHref, setLeaveGuard, type Route } from '../app/router';
import { toast } from '../app/toasts';
import { FlowCanvas } from '../canvas/flow-canvas';
import { Palette } from '../canvas/palette';
import { addNodeChange, freeSpot, NODE_WIDTH } from '../canvas/add-node';
import { Inspector } from '../inspector/inspector';
import { DeadLettersView } from '../runs/dead-letters-view';
import { RunsView } from '../runs/runs-view';
import { MonitoringView } from '../runs/monitoring-view';
import { copyId } from '../flows/flow-id';
import { useEditor, useEditorStore } from './editor-context';
import { ConflictDialog } from './conflict-dialog';
import { EditorToolbar } from './editor-toolbar';
import { HelpPanel } from './help-panel';
import { reloadFromServer, saveFlow } from './save-flow';
import { useShortcuts } from './use-shortcuts';
import { useLiveEvents } from './use-live-events';
import { useProblemRefresh } from './use-problem-refresh';

type Tab = Extract<Route, { page: 'flow' }>['tab'];

/** The editor: header with the flow's actions, tabs, and palette | canvas | inspector. */
export function EditorLayout({ tab }: { tab: Tab }) {
  const store = useEditorStore();
  const flowId = useEditor((s) => s.flowId);
  const dirty = useEditor((s) => s.document !== s.savedDocument);
  const [conflict, setConflict] = useState(false);
  const [help, setHelp] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const [paletteOpen, setPaletteOpen] = useState(() => store.getState().document.nodes.length < 3);
  const { screenToFlowPosition } = useReactFlow();
  useProblemRefresh(store);
  const deployment = useLiveEvents(store);

  const save = useCallback(async () => {
    const outcome = await saveFlow(store);
    if (outcome.kind === 'saved') toast('Saved.', 'success');
    else if (outcome.kind === 'conflict') setConflict(true);
    else toast(`Not saved: ${outcome.message}`, 'error');
    return outcome.kind === 'saved';
  }, [store]);

  const actions = useMemo(() => ({
    save: () => { void save(); },
    toggleHelp: () => setHelp((h) => !h),
    focusSearch: () => searchRef.current?.focus(),
  }), [save]);
  useShortcuts(store, actions);

  // Unsaved changes: ask before leaving the page or closing the tab.
  useEffect(() => {
    const isDirty = () => store.getState().document !== store.getState().savedDocument;
    setLeaveGuard(() => !isDirty() || window.confirm('This flow has unsaved changes. Leave without saving?'));
    const beforeUnload = (e: BeforeUnloadEvent) => { if (isDirty()) e.preventDefault(); };
    window.addEventListener('beforeunload', beforeUnload);
    return () => { setLeaveGuard(undefined); window.removeEventListener('beforeunload', beforeUnload); };
  }, [store]);

  const keepMineAsCopy = async () => {
    const { document } = store.getState();
    try {
      const existing = new Set((await api.listFlows()).map((f) => f.id));
      const id = copyId(document.id, existing);
      await api.createFlow({ ...document, id, name: `${document.name} (my copy)` });
      store.setState({ savedDocument: store.getState().document });
      setConflict(false);
      toast(`Your version was saved as a new flow “${document.name} (my copy)”.`, 'success');
      navigate({ page: 'flow', id, tab: 'design' });
    } catch (error) {
      toast(errorMessage(error), 'error');
    }
  };

  const addAtCentre = useCallback((type: string) => {
    const canvas = document.querySelector('.canvas')?.getBoundingClientRect();
    const at = canvas ? screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 }) : { x: 0, y: 0 };
    const state = store.getState();
    const { change, nodeId } = addNodeChange(state.document, type, freeSpot(state.document, { x: at.x - NODE_WIDTH / 2, y: at.y - 30 }));
    state.apply(change);
    state.select([nodeId]);
  }, [store, screenToFlowPosition]);

  return (
    <div className="page editor-page">
      <AppHeader title={<FlowTitle dirty={dirty} />}>
        <EditorToolbar onSave={() => void save()} onHelp={() => setHelp(true)} searchRef={searchRef} deployment={deployment} />
      </AppHeader>
      <nav className="tabs" aria-label="Flow views">
        <a className={`tab${tab === 'design' ? ' active' : ''}`} href={routeHref({ page: 'flow', id: flowId, tab: 'design' })}>Design</a>
        <a className={`tab${tab === 'dead-letters' ? ' active' : ''}`} href={routeHref({ page: 'flow', id: flowId, tab: 'dead-letters' })}>
          Dead letters{deployment.dlqDepth > 0 && <span className="pill pill-warn tab-count" data-testid="dlq-depth">{deployment.dlqDepth}</span>}
        </a>
        <a className={`tab${tab === 'runs' ? ' active' : ''}`} href={routeHref({ page: 'flow', id: flowId, tab: 'runs' })}>Run history</a>
        <a className={`tab${tab === 'monitoring' ? ' active' : ''}`} href={routeHref({ page: 'flow', id: flowId, tab: 'monitoring' })}>Monitoring</a>
      </nav>
      <RemoteChangedBanner onReload={() => void reloadFromServer(store).then(() => toast('Loaded the newer version.'))} />
      {tab === 'design' && (
        <div className={`editor-body${paletteOpen ? '' : ' palette-collapsed'}`}>
          <Palette onAdd={addAtCentre} collapsed={!paletteOpen} onToggle={() => setPaletteOpen((o) => !o)} />
          <FlowCanvas />
          <Inspector />
        </div>
      )}
      {tab === 'dead-letters' && <DeadLettersView flowId={flowId} />}
      {tab === 'runs' && <RunsView flowId={flowId} />}
      {tab === 'monitoring' && <MonitoringView flowId={flowId} />}
      {conflict && (
        <ConflictDialog
          onCancel={() => setConflict(false)}
          onReloadTheirs={() => { void reloadFromServer(store).then(() => { setConflict(false); toast('Loaded the newer version.'); }, (e: unknown) => toast(errorMessage(e), 'error')); }}
          onKeepMineAsCopy={() => void keepMineAsCopy()}
        />
      )}
      {help && <HelpPanel onClose={() => setHelp(false)} />}
    </div>
  );
}

function FlowTitle({ dirty }: { dirty: boolean }) {
  const store = useEditorStore();
  const name = useEditor((s) => s.document.name);
  return (
    <div className="flow-title">
      <a href={routeHref({ page: 'flows' })} className="muted">Flows</a>
      <span className="muted">/</span>
      <input
        className="flow-name-input"
        size={Math.min(40, Math.max(12, name.length + 1))}
        aria-label="Flow name"
        value={name}
        onChange={(e) => store.getState().apply({ type: 'set-meta', name: e.target.value })}
      />
      <span className={`save-state${dirty ? ' dirty' : ''}`} data-testid="save-state">{dirty ? '● Unsaved' : 'Saved'}</span>
    </div>
  );
}

/** Shown when the flow was saved elsewhere (another tab, the file on disk) while this editor has unsaved edits. */
function RemoteChangedBanner({ onReload }: { onReload: () => void }) {
  const changed = useEditor((s) => s.remoteChanged);
  if (!changed) return null;
  return (
    <div className="banner banner-warn editor-banner" role="status">
      A newer version of this flow was saved elsewhere. Saving will ask whether to keep yours as a copy, or
      <button className="button small" onClick={onReload}>reload theirs now</button>
    </div>
  );
}
