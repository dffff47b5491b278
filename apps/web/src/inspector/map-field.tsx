import { asRecord } from './config-values';
import { SecretChips } from './secret-chips';

/** Name → text pairs (HTTP headers). Credentials belong in secret references, which show by name. */
export function MapField({ label, value, onChange }: { label: string; value: unknown; onChange: (v: unknown) => void }) {
  const entries = Object.entries(asRecord(value)).map(([k, v]) => [k, typeof v === 'string' ? v : String(v)] as const);
  const update = (next: (readonly [string, string])[]) => onChange(Object.fromEntries(next));
  return (
    <div className="map-field" role="group" aria-label={label}>
      {entries.map(([k, v], i) => (
        <div key={i} className="map-row">
          <input aria-label={`${label} name ${i + 1}`} placeholder="Name" value={k} onChange={(e) => update(entries.map((en, j) => (j === i ? [e.target.value, en[1]] : en)))} />
          <input aria-label={`${label} value ${i + 1}`} placeholder="Value or {{secret.NAME}}" value={v} onChange={(e) => update(entries.map((en, j) => (j === i ? [en[0], e.target.value] : en)))} />
          <button type="button" className="button small ghost" aria-label={`Remove ${k || 'entry'}`} onClick={() => update(entries.filter((_, j) => j !== i))}>✕</button>
          <SecretChips value={v} />
        </div>
      ))}
      <button type="button" className="button small" onClick={() => update([...entries, [`X-Header-${entries.length + 1}`, '']])}>+ Add</button>
    </div>
  );
}
