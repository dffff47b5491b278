import { Dialog } from '../app/dialog';
import { shortcutList } from './use-shortcuts';

/** Keyboard shortcuts and the few gestures of the canvas. */
export function HelpPanel({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" wide="medium" onCancel={onClose} actions={<button className="button primary" onClick={onClose}>Close</button>}>
      <table className="shortcut-table">
        <tbody>
          {shortcutList.map((s) => (
            <tr key={s.keys}><td>{s.keys.split(', ').map((k) => <kbd key={k}>{k}</kbd>)}</td><td>{s.what}</td></tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Connect two nodes by dragging from the right handle of one to the left handle of the next.
        A connection that is not allowed is refused with the reason.</p>
    </Dialog>
  );
}
