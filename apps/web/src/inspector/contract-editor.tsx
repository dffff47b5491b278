import { useMemo } from 'react';
import type { Contract } from '@seam/flow';
import { useEditor, useEditorStore } from '../editor/editor-context';
import { checkSamples } from '../preview/check-samples';
import { JsonTextField } from './json-text-field';

const DEFAULT_CONTRACT: Contract = { schema: { type: 'object' }, examples: [] };

/**
 * The contract of a source or sink: the JSON Schema of what it produces or accepts, and example messages.
 * `seam test` checks offline that each source example, mapped, satisfies the sink's contract.
 */
export function ContractEditor({ nodeId, kind }: { nodeId: string; kind: 'source' | 'sink' }) {
  const store = useEditorStore();
  const contract = useEditor((s) => s.document.contracts[nodeId]);
  const set = (next: Contract | undefined) => store.getState().apply({ type: 'set-contract', nodeId, contract: next });
  const check = useMemo(() => (contract ? checkSamples(contract.schema, contract.examples) : undefined), [contract]);
  return (
    <section className="inspector-section" data-testid="contract">
      <h3 className="section-title">Contract</h3>
      <label className="checkbox">
        <input type="checkbox" checked={contract !== undefined} onChange={(e) => set(e.target.checked ? DEFAULT_CONTRACT : undefined)} />
        {kind === 'source' ? 'Declare what this source produces' : 'Declare what this sink accepts'}
      </label>
      {contract && (
        <>
          <p className="muted small">A JSON Schema and example messages. <code>seam test</code> checks in CI that every source example, mapped by the flow, is accepted by each sink’s contract.</p>
          <div className="field">
            <span className="field-label">Schema</span>
            <JsonTextField label="Contract schema" value={contract.schema} rows={6} onChange={(v) => { if (isObject(v)) set({ ...contract, schema: v }); }} />
          </div>
          <div className="field">
            <span className="field-label">Examples</span>
            <JsonTextField label="Contract examples" value={contract.examples} rows={6} onChange={(v) => { if (Array.isArray(v)) set({ ...contract, examples: v }); }} />
          </div>
          {check?.kind === 'invalid-schema' && <p className="error-text" role="alert">The schema itself is invalid: {check.message}</p>}
          {check?.kind === 'checked' && check.results.map((violations, i) => (
            <div key={i} className={`sample-check ${violations.length ? 'bad' : 'good'}`}>
              {violations.length
                ? <>✕ Example {i + 1}: {violations.map((v) => `${v.path} ${v.message}`).join('; ')}</>
                : <>✓ Example {i + 1} matches the schema</>}
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
