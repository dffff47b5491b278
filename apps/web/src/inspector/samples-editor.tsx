import { useEditor, useEditorStore } from '../editor/editor-context';
import { JsonTextField } from './json-text-field';

const NONE: unknown[] = [];

/** Sample messages of a source, kept in the flow file: they drive the live previews and the test run. */
export function SamplesEditor({ nodeId }: { nodeId: string }) {
  const store = useEditorStore();
  const samples = useEditor((s) => s.document.samples[nodeId] ?? NONE);
  return (
    <section className="inspector-section">
      <h3 className="section-title">Sample messages</h3>
      <p className="muted small">A JSON array of example messages this source produces. The previews and the test run use them.</p>
      <JsonTextField
        label="Sample messages"
        value={samples}
        rows={8}
        onChange={(v) => store.getState().apply({ type: 'set-samples', nodeId, samples: Array.isArray(v) && v.length ? v : undefined })}
      />
    </section>
  );
}
