import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api/api-client';
import type { DeadLetter } from '../api/api-types';
import { Dialog } from '../app/dialog';
import { toast } from '../app/toasts';
import { JsonTextField } from '../inspector/json-text-field';
import { isFailureClass } from '@seam/flow';
import { useEditor } from '../editor/editor-context';
import { runbooks } from './runbooks';

/** One dead letter: its error, original input, editable payload and audit trail; replay or discard it. */
export function DeadLetterDetail({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const [letter, setLetter] = useState<DeadLetter | undefined>();
  const [payload, setPayload] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');

  useEffect(() => {
    api.getDeadLetter(id).then((d) => { setLetter(d); setPayload(d.payload); }, (e: unknown) => toast(errorMessage(e), 'error'));
  }, [id]);

  const act = async (what: () => Promise<string>) => {
    setBusy(true);
    try {
      toast(await what(), 'success');
      onChanged();
      onClose();
    } catch (e) {
      toast(errorMessage(e), 'error');
    } finally {
      setBusy(false);
    }
  };
  const edited = letter !== undefined && JSON.stringify(payload) !== JSON.stringify(letter.payload);

  return (
    <Dialog
      title="Dead letter"
      wide
      onCancel={onClose}
      actions={<>
        <button className="button" onClick={onClose}>Close</button>
        <button className="button danger" disabled={busy || letter?.status !== 'pending'} onClick={() => void act(async () => { await api.discardDeadLetter(id, note.trim() || undefined); return 'Discarded.'; })}>Discard</button>
        <button className="button" disabled={busy || !edited} onClick={() => void act(async () => { await api.editDeadLetter(id, payload); return 'Payload saved.'; })}>Save payload</button>
        <button className="button primary" disabled={busy || letter?.status !== 'pending'} onClick={() => void act(async () => {
          if (edited) await api.editDeadLetter(id, payload);
          const outcome = await api.replayDeadLetter(id);
          return outcome.result === 'delivered' ? 'Replayed: delivered.' : `Replay: ${outcome.result}${outcome.message ? ` — ${outcome.message}` : ''}`;
        })}>Replay</button>
      </>}
    >
      {!letter ? <p className="muted">Loading…</p> : (
        <div className="dead-letter">
          <p><span className="pill pill-error">{letter.errorClass}</span> at node <code>{letter.nodeId}</code> after {letter.attempts} attempt{letter.attempts === 1 ? '' : 's'}</p>
          <p className="error-text">{letter.message}</p>
          <div className="preview-grid">
            <div>
              <div className="preview-label">Original input</div>
              <pre className="json-block">{JSON.stringify(letter.originalInput, null, 2)}</pre>
            </div>
            <div>
              <div className="preview-label">Payload at the failing node (editable)</div>
              <JsonTextField label="Payload" value={payload} onChange={setPayload} rows={10} />
            </div>
          </div>
          <RunbookBox errorClass={letter.errorClass} />
          {letter.status === 'pending' && (
            <label className="field">
              <span className="field-label">Discard note (kept in the history)</span>
              <input aria-label="Note" value={note} maxLength={2000} placeholder="e.g. refund: handled by the refunds flow" onChange={(e) => setNote(e.target.value)} />
            </label>
          )}
          {letter.audit && letter.audit.length > 0 && (
            <>
              <div className="preview-label">History</div>
              <ul className="plain-list small">
                {letter.audit.map((a, i) => <li key={i}>{new Date(a.at).toLocaleString()} — {a.action} by {a.actor}{a.note ? `: ${a.note}` : ''}</li>)}
              </ul>
            </>
          )}
        </div>
      )}
    </Dialog>
  );
}

/** The runbook of the dead letter's failure class: what it means and what to do, then this flow's own note. */
function RunbookBox({ errorClass }: { errorClass: string }) {
  const runbook = isFailureClass(errorClass) ? runbooks[errorClass] : undefined;
  const flowNote = useEditor((s) => (isFailureClass(errorClass) ? s.document.runbooks?.[errorClass] : undefined));
  if (!runbook) return null;
  return (
    <details className="runbook" open data-testid="runbook">
      <summary><strong>What to do:</strong> {runbook.title}</summary>
      <p className="small">{runbook.meaning}</p>
      <ol className="small">{runbook.steps.map((s) => <li key={s}>{s}</li>)}</ol>
      {flowNote
        ? <div className="runbook-flow-note" data-testid="runbook-flow-note"><strong>For this flow:</strong> {flowNote}</div>
        : <p className="muted small">Anything only your team knows about this failure? Add it under Design → Flow → Runbook notes.</p>}
    </details>
  );
}
