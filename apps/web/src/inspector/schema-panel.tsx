import { useEffect, useMemo, useState } from 'react';
import { json } from '@codemirror/lang-json';
import type { FlowNode } from '@seam/flow';
import { useEditorStore } from '../editor/editor-context';
import { checkSamples } from '../preview/check-samples';
import { usePreviewInputs } from '../preview/use-preview-inputs';
import { PreviewSourceToggle } from './preview-source-toggle';
import { CodeEditor, type CodeError } from './code-editor';
import { withKey } from './config-values';

const jsonLanguage = json();

/** The JSON Schema of a validate node, and every sample reaching it checked live: each violation with its path. */
export function SchemaPanel({ node }: { node: FlowNode }) {
  const store = useEditorStore();
  const schema = node.config.schema;
  const [text, setText] = useState(() => JSON.stringify(schema ?? {}, null, 2));
  const [parseError, setParseError] = useState<CodeError | undefined>();
  const { inputs, source, setSource, hasTestRun } = usePreviewInputs(node.id);

  useEffect(() => {
    // Follow undo/redo and reloads, but never reformat what the user is typing.
    setText((current) => (safeEqual(current, schema) ? current : JSON.stringify(schema ?? {}, null, 2)));
  }, [schema]);

  const onChange = (value: string) => {
    setText(value);
    try {
      const parsed: unknown = JSON.parse(value);
      setParseError(undefined);
      store.getState().apply({ type: 'set-config', nodeId: node.id, config: withKey(node.config, 'schema', parsed) });
    } catch (thrown) {
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      const at = Number(/position (\d+)/.exec(message)?.[1] ?? value.length);
      setParseError({ from: Math.max(0, at - 1), to: at + 1, message });
    }
  };

  const check = useMemo(() => (inputs ? checkSamples(schema, inputs) : undefined), [schema, inputs]);

  return (
    <section className="inspector-section">
      <h3 className="section-title">JSON Schema (draft 2020-12)</h3>
      <CodeEditor label="JSON Schema" value={text} onChange={onChange} language={jsonLanguage} errors={parseError ? [parseError] : []} minHeight="140px" />
      {parseError && <p className="error-text" role="alert">Not valid JSON yet: {parseError.message}</p>}
      <div className="preview-head">
        <h3 className="section-title">{source === 'test-run' ? 'Test-run messages checked' : 'Samples checked'}</h3>
        {hasTestRun && <PreviewSourceToggle source={source} onChange={setSource} />}
      </div>
      <div data-testid="schema-check">
        {!check && <p className="muted small">Checking…</p>}
        {check?.kind === 'invalid-schema' && <p className="error-text" role="alert">The schema itself is invalid: {check.message}</p>}
        {check?.kind === 'checked' && inputs?.length === 0 && (
          <p className="muted small">No sample reaches this node yet: connect it after a source with sample messages.</p>
        )}
        {check?.kind === 'checked' && check.results.map((violations, i) => (
          <div key={i} className={`sample-check ${violations.length ? 'bad' : 'good'}`}>
            <div className="sample-check-head">
              {violations.length ? `✕ Sample ${i + 1}: ${violations.length} violation${violations.length === 1 ? '' : 's'}` : `✓ Sample ${i + 1} is valid`}
            </div>
            {violations.length > 0 && (
              <ul className="violations">
                {violations.map((v, k) => (
                  <li key={k} className="violation"><code>{v.path}</code> {v.message} <span className="muted small">({v.schemaPath})</span></li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

function safeEqual(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}
