import { useEditor, useEditorStore } from '../editor/editor-context';

/** A selected connection: where it goes, its problems, and how to remove it. */
export function EdgePanel({ edgeKeys }: { edgeKeys: readonly string[] }) {
  const store = useEditorStore();
  const byEdge = useEditor((s) => s.problems.byEdge);
  return (
    <div className="inspector-section">
      <h2 className="inspector-title">{edgeKeys.length === 1 ? 'Connection' : `${edgeKeys.length} connections`}</h2>
      {edgeKeys.map((key) => (
        <div key={key} className="edge-item">
          <code>{key.replace(/:out->/, ' → ').replace(/:in$/, '')}</code>
          {byEdge.get(key)?.map((p) => <p key={p.message} className="error-text">{p.message}</p>)}
        </div>
      ))}
      <button className="button danger" onClick={() => store.getState().apply({ type: 'remove', nodeIds: [], edgeKeys })}>Remove</button>
      <p className="muted small">Or press Delete.</p>
    </div>
  );
}
