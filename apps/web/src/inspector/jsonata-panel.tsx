import { useEffect, useMemo, useState } from 'react';
import { json } from '@codemirror/lang-json';
import type { FlowNode } from '@seam/flow';
import { useEditorStore } from '../editor/editor-context';
import { evaluateJsonata, type EngineNote, type Evaluation } from '../preview/evaluate-jsonata';
import { usePreviewInputs } from '../preview/use-preview-inputs';
import { PreviewSourceToggle } from './preview-source-toggle';
import { CodeEditor, type CodeError } from './code-editor';
import { jsonataLanguage } from './jsonata-language';
import { SamplePicker } from './sample-picker';
import { withKey } from './config-values';

const jsonLanguage = json();
const PREVIEW_LIMITS = { timeoutMs: 500, maxDepth: 300 };

/** Says whether the runtime runs this mapping as generated JavaScript or in the interpreter, and why. */
function EngineBadge({ engine }: { engine: EngineNote }) {
  return engine.mode === 'compiled'
    ? <p className="muted small" data-testid="jsonata-engine">⚡ Runs compiled to JavaScript (fast path).</p>
    : <p className="muted small" data-testid="jsonata-engine">Runs in the JSONata interpreter — slower but exact: {engine.reason}</p>;
}

/** The mapping editor: JSONata with syntax colours, and a live preview of the sample input and the result. */
export function JsonataPanel({ node }: { node: FlowNode }) {
  const store = useEditorStore();
  const expression = typeof node.config.expression === 'string' ? node.config.expression : '';
  const engine = node.config.engine === 'interpreter' ? 'interpreter' : 'compiled';
  const { inputs, source, setSource, hasTestRun } = usePreviewInputs(node.id);
  const [index, setIndex] = useState(0);
  const [result, setResult] = useState<Evaluation | undefined>();
  const input = inputs?.[Math.min(index, Math.max(0, (inputs?.length ?? 1) - 1))];

  useEffect(() => {
    let cancelled = false;
    if (inputs === undefined) return;
    const timer = window.setTimeout(() => {
      void evaluateJsonata(expression, input, { ...PREVIEW_LIMITS, engine }).then((r) => { if (!cancelled) setResult(r); });
    }, 80);
    return () => { cancelled = true; window.clearTimeout(timer); };
  }, [expression, input, inputs, engine]);

  const errors = useMemo<CodeError[]>(() => {
    if (!result || result.ok || result.position === undefined) return [];
    // jsonata reports the offset just after the offending token (1-based).
    return [{ from: Math.max(0, result.position - 1), to: result.position, message: result.message }];
  }, [result]);

  return (
    <section className="inspector-section">
      <h3 className="section-title">Mapping (JSONata)</h3>
      <CodeEditor
        label="JSONata expression"
        value={expression}
        language={jsonataLanguage}
        errors={errors}
        minHeight="96px"
        onChange={(v) => store.getState().apply({ type: 'set-config', nodeId: node.id, config: withKey(node.config, 'expression', v) })}
      />
      {result && !result.ok && (
        <p className="error-text" role="alert" data-testid="jsonata-error">
          {result.stage === 'parse' ? 'Does not parse' : 'Fails on this sample'}
          {result.position !== undefined ? ` at character ${result.position}` : ''}: {result.message}
        </p>
      )}
      {result?.engine && <EngineBadge engine={result.engine} />}
      <div className="preview-head">
        <h3 className="section-title">Live preview</h3>
        <span className="preview-controls">
          {hasTestRun && <PreviewSourceToggle source={source} onChange={(s) => { setSource(s); setIndex(0); }} />}
          <SamplePicker index={index} count={inputs?.length ?? 0} onChange={setIndex} />
        </span>
      </div>
      {inputs !== undefined && inputs.length === 0 ? (
        <p className="muted small">No sample reaches this node yet. Connect a source with sample messages (an inline source, or samples on the source node).</p>
      ) : (
        <div className="preview-grid">
          <div>
            <div className="preview-label">Input</div>
            <CodeEditor label="Sample input" value={pretty(input)} language={jsonLanguage} readOnly minHeight="120px" />
          </div>
          <div data-testid="jsonata-result">
            <div className="preview-label">Result</div>
            {result?.ok
              ? <CodeEditor label="Mapping result" value={result.value === undefined ? '(nothing — the runtime would dead-letter this message)' : pretty(result.value)} language={jsonLanguage} readOnly minHeight="120px" />
              : <div className="preview-empty muted small">{result ? 'No result: see the error above.' : 'Evaluating…'}</div>}
          </div>
        </div>
      )}
    </section>
  );
}

function pretty(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}
