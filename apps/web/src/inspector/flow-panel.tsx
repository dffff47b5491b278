import { describeProblem } from '../editor/flow-problems';
import { useEditor, useEditorStore } from '../editor/editor-context';
import { RunbookNotes } from './runbook-notes';

/** Nothing selected: the flow's description, a summary of its problems and its runbook notes. */
export function FlowPanel() {
  const store = useEditorStore();
  const description = useEditor((s) => s.document.description);
  const problems = useEditor((s) => s.problems.all);
  const nodeCount = useEditor((s) => s.document.nodes.length);
  return (
    <div className="inspector-section">
      <h2 className="inspector-title">Flow</h2>
      <label className="field">
        <span className="field-label">Description</span>
        <textarea
          aria-label="Description"
          rows={3}
          value={description}
          placeholder="What this flow does, for the next person who reads it"
          onChange={(e) => store.getState().apply({ type: 'set-meta', description: e.target.value })}
        />
      </label>
      <h3 className="section-title">Validation</h3>
      {problems.length === 0
        ? <p className="ok-text">✓ {nodeCount ? 'No problems: this flow can be deployed.' : 'Nothing to check yet.'}</p>
        : (
          <ul className="problem-list" data-testid="flow-problems">
            {problems.map((p, i) => <li key={i} className="error-text small">{describeProblem(p)}</li>)}
          </ul>
        )}
      <p className="muted small">Select a node to edit its settings.</p>
      <RunbookNotes />
    </div>
  );
}
