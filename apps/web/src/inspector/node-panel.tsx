import { useMemo } from 'react';
import type { FlowNode, NodeDefinition } from '@seam/flow';
import { useEditor, useEditorStore } from '../editor/editor-context';
import { kindStyle } from '../canvas/kind-style';
import { ConfigForm } from './config-form';
import { errorsByConfigPath } from './config-values';
import { configFields } from './schema-fields';
import { JsonataPanel } from './jsonata-panel';
import { SchemaPanel } from './schema-panel';
import { SamplesEditor } from './samples-editor';
import { ContractEditor } from './contract-editor';

/** Everything about one node: what it does, its label, its problems and its generated config form. */
export function NodePanel({ node, definition }: { node: FlowNode; definition: NodeDefinition | undefined }) {
  const store = useEditorStore();
  const problems = useEditor((s) => s.problems.byNode.get(node.id));
  const errors = useMemo(() => errorsByConfigPath(problems), [problems]);
  const ctx = useMemo(() => ({ errors }), [errors]);
  if (!definition) {
    return (
      <div className="inspector-section">
        <h2 className="inspector-title">Unknown node type “{node.type}”</h2>
        {problems?.map((p) => <p key={p.message} className="error-text">{p.message}</p>)}
      </div>
    );
  }
  // Fields with their own editor above the generic form.
  const special = definition.type === 'jsonata' ? ['expression'] : definition.type === 'json-schema' ? ['schema'] : [];
  const fields = configFields(definition).filter((f) => !special.includes(f.key));
  const nodeLevel = (problems ?? []).filter((p) => !p.configPath || !fields.some((f) => f.key === p.configPath?.[0]));
  const style = kindStyle[definition.kind];
  return (
    <div className="node-panel" data-testid="node-panel">
      <div className="inspector-section">
        <div className="inspector-kind" style={{ color: style.color }}>{definition.icon} {definition.kind}</div>
        <h2 className="inspector-title">{definition.title}</h2>
        <p className="muted small node-summary">{definition.summary}</p>
        <details className="node-doc">
          <summary className="small">How it works</summary>
          <p className="muted small">{definition.doc}</p>
        </details>
        <label className="field">
          <span className="field-label">Label</span>
          <input
            aria-label="Label"
            value={node.label ?? ''}
            placeholder={node.id}
            onChange={(e) => store.getState().apply({ type: 'set-label', nodeId: node.id, label: e.target.value })}
          />
        </label>
        <div className="muted small">Id: <code>{node.id}</code></div>
        {nodeLevel.length > 0 && (
          <ul className="problem-list" aria-label="Problems">
            {nodeLevel.map((p, i) => <li key={i} className="error-text">{p.message}</li>)}
          </ul>
        )}
      </div>
      {definition.type === 'jsonata' && <JsonataPanel node={node} />}
      {definition.type === 'json-schema' && <SchemaPanel node={node} />}
      {fields.length > 0 && (
        <section className="inspector-section">
          <h3 className="section-title">Settings</h3>
          <ConfigForm
            fields={fields}
            value={node.config}
            path={[]}
            ctx={ctx}
            onChange={(config) => store.getState().apply({ type: 'set-config', nodeId: node.id, config })}
          />
        </section>
      )}
      {definition.kind === 'source' && definition.type !== 'inline' && <SamplesEditor nodeId={node.id} />}
      {(definition.kind === 'source' || definition.kind === 'sink') && <ContractEditor nodeId={node.id} kind={definition.kind} />}
    </div>
  );
}
