import { Dialog } from '../app/dialog';

/** Someone else saved this flow (or its file changed on disk) since it was opened: the user picks what to keep. */
export function ConflictDialog({ onReloadTheirs, onKeepMineAsCopy, onCancel }: {
  onReloadTheirs: () => void;
  onKeepMineAsCopy: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      title="This flow was changed elsewhere"
      onCancel={onCancel}
      actions={<>
        <button className="button" onClick={onCancel}>Cancel</button>
        <button className="button" onClick={onReloadTheirs}>Reload theirs</button>
        <button className="button primary" onClick={onKeepMineAsCopy}>Keep mine as a copy</button>
      </>}
    >
      <p>Since you opened it, a newer version of this flow was saved — from another tab, by someone else, or by editing the file.
        Saving now would overwrite it.</p>
      <ul className="plain-list">
        <li><strong>Reload theirs</strong> — discard your unsaved changes and open the newer version.</li>
        <li><strong>Keep mine as a copy</strong> — save your version as a new flow; theirs stays as it is.</li>
      </ul>
    </Dialog>
  );
}
