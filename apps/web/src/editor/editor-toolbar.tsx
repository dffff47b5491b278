import { useState, type RefObject } from 'react';
import { api, errorMessage } from '../api/api-client';
import { toast } from '../app/toasts';
import { useEditor, useEditorStore } from './editor-context';
import { autoLayout } from './auto-layout';
import { NodeSearch } from './node-search';
import { summariseTestRun } from './test-run';
import type { Deployment } from './use-live-events';
import { useReactFlow } from '@xyflow/react';

/** Sources that end (a file, inline messages, a schedule with a count): the flow can be run once to completion. */
const FINITE_SOURCES = new Set(['file', 'inline', 'schedule']);

function blocked(dirty: boolean, problems: number): string | undefined {
  if (dirty) return 'Save first: the server runs the saved flow';
  if (problems > 0) return `Fix the ${problems} problem${problems === 1 ? '' : 's'} first`;
  return undefined;
}

/** The editor's actions: undo/redo, layout, search, test run, save, deploy. */
export function EditorToolbar({ onSave, onHelp, searchRef, deployment }: {
  onSave: () => void;
  onHelp: () => void;
  searchRef: RefObject<HTMLInputElement | null>;
  deployment: Deployment;
}) {
  const store = useEditorStore();
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const dirty = useEditor((s) => s.document !== s.savedDocument);
  const hasTestRun = useEditor((s) => s.testRun !== undefined);
  const problemCount = useEditor((s) => s.problems.all.length);
  const finite = useEditor((s) => s.document.nodes.some((n) => FINITE_SOURCES.has(n.type)));
  const [testing, setTesting] = useState(false);
  const { fitView } = useReactFlow();

  const layout = () => {
    const state = store.getState();
    state.apply({ type: 'move-nodes', positions: autoLayout(state.document) });
    window.setTimeout(() => void fitView({ padding: 0.12, duration: 250 }), 50);
  };

  const testRun = async () => {
    const { flowId, document } = store.getState();
    setTesting(true);
    try {
      const result = await api.testRun(flowId, document);
      store.getState().setTestRun(summariseTestRun(result));
      const failed = result.traces.filter((t) => t.status === 'dead-lettered').length;
      toast(`Test run: ${result.traces.length} sample message${result.traces.length === 1 ? '' : 's'}, ${failed} would be dead-lettered. Outputs are shown on the nodes.`, 'info');
    } catch (error) {
      toast(`Test run failed: ${errorMessage(error)}`, 'error');
    } finally {
      setTesting(false);
    }
  };

  return (
    <div className="toolbar">
      <NodeSearch ref={searchRef} />
      <div className="toolbar-group">
        <button className="button icon" title="Undo (Ctrl+Z)" aria-label="Undo" disabled={!canUndo} onClick={() => store.getState().undo()}>↶</button>
        <button className="button icon" title="Redo (Ctrl+Y)" aria-label="Redo" disabled={!canRedo} onClick={() => store.getState().redo()}>↷</button>
        <button className="button" title="Arrange the nodes left to right" onClick={layout}>Layout</button>
        <button className="button icon" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts" onClick={onHelp}>?</button>
      </div>
      <div className="toolbar-group">
        {hasTestRun && <button className="button ghost" onClick={() => store.getState().setTestRun(undefined)}>Clear test</button>}
        <button className="button" onClick={() => void testRun()} disabled={testing} title="Run the sample messages through the flow without delivering them">
          {testing ? 'Testing…' : '▷ Test run'}
        </button>
        <button className="button primary" onClick={onSave} disabled={!dirty} title="Save (Ctrl+S)">Save</button>
        {deployment.deployed
          ? <button className="button" disabled={deployment.busy} onClick={() => void deployment.stop()} title="Stop the flow's sources">■ Stop <span className="pill pill-live small">{deployment.state ?? 'running'}</span></button>
          : <>
            {finite && (
              <button className="button" disabled={deployment.busy || dirty || problemCount > 0} onClick={() => void deployment.runOnce()} title={blocked(dirty, problemCount) ?? 'Run the flow once to completion on the server, delivering to its sinks'}>Run once</button>
            )}
            <button className="button" disabled={deployment.busy || dirty || problemCount > 0} onClick={() => void deployment.deploy()} title={blocked(dirty, problemCount) ?? 'Start the flow’s sources on the server'}>Deploy</button>
          </>}
      </div>
    </div>
  );
}
