import { useState } from 'react';
import { Dialog } from '../app/dialog';
import type { FlowSummary } from '../api/api-types';
import { flowIdError, slugify } from './flow-id';

/** Asks for a name (and id) for a new or renamed flow. */
export function NameDialog({ title, confirm, initialName, initialId, onSubmit, onCancel }: {
  title: string;
  confirm: string;
  initialName: string;
  initialId?: string;
  onSubmit: (name: string, id: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initialName);
  const [id, setId] = useState(initialId ?? slugify(initialName));
  const [idTouched, setIdTouched] = useState(initialId !== undefined);
  const idError = flowIdError(id);
  const ok = name.trim() !== '' && !idError;
  return (
    <Dialog
      title={title}
      onCancel={onCancel}
      actions={<>
        <button className="button" onClick={onCancel}>Cancel</button>
        <button className="button primary" disabled={!ok} onClick={() => onSubmit(name.trim(), id)}>{confirm}</button>
      </>}
    >
      <form onSubmit={(e) => { e.preventDefault(); if (ok) onSubmit(name.trim(), id); }}>
        <label className="field">
          <span className="field-label">Name</span>
          <input value={name} aria-label="Flow name" onChange={(e) => { setName(e.target.value); if (!idTouched) setId(slugify(e.target.value)); }} />
        </label>
        <label className="field">
          <span className="field-label">Id <span className="muted">(the file name in the flows folder)</span></span>
          <input value={id} aria-label="Flow id" onChange={(e) => { setId(e.target.value); setIdTouched(true); }} />
          {idError && <span className="error-text">{idError}</span>}
        </label>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}

/** Confirms deleting a flow; says what is lost. */
export function DeleteDialog({ flow, onConfirm, onCancel }: { flow: FlowSummary; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Dialog
      title={`Delete “${flow.name}”?`}
      onCancel={onCancel}
      actions={<>
        <button className="button" onClick={onCancel}>Keep it</button>
        <button className="button danger-solid" onClick={onConfirm}>Delete flow</button>
      </>}
    >
      <p>The file <code>{flow.file ?? `${flow.id}.json`}</code> is removed from the flows folder.{flow.deployed ? ' The flow is stopped first.' : ''}</p>
      <p className="muted">If the folder is in git, the file can still be restored from its history.</p>
    </Dialog>
  );
}
