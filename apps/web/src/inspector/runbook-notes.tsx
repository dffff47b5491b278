import { failureClasses } from '@seam/flow';
import { useEditor, useEditorStore } from '../editor/editor-context';
import { runbooks } from '../runs/runbooks';

/**
 * The flow's own runbook notes, one per failure class: what only this team knows, shown under Seam's runbook in
 * each dead letter of that class. Saved in the flow file, so they travel through git with the flow.
 */
export function RunbookNotes() {
  const store = useEditorStore();
  const notes = useEditor((s) => s.document.runbooks);
  return (
    <div className="runbook-notes" data-testid="runbook-notes">
      <h3 className="section-title">Runbook notes</h3>
      <p className="muted small">
        Seam shows a runbook with every dead letter. Add what only your team knows — who owns the other system, where
        its credentials are renewed, whom to call — and it appears under that runbook for this flow.
      </p>
      {failureClasses.map((failureClass) => {
        const note = notes?.[failureClass] ?? '';
        return (
          <details key={failureClass} open={note !== ''}>
            <summary>
              {runbooks[failureClass].title} <span className="muted small">({failureClass}){note !== '' ? ' · has a note' : ''}</span>
            </summary>
            <textarea
              aria-label={`Runbook note: ${failureClass}`}
              rows={3}
              value={note}
              placeholder={`For this flow, when ${runbooks[failureClass].title.toLowerCase()}…`}
              onChange={(e) => store.getState().apply({ type: 'set-runbook-note', failureClass, text: e.target.value })}
            />
          </details>
        );
      })}
    </div>
  );
}
