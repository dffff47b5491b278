import type { JsonPath } from '@seam/flow';
import type { FieldSpec } from './schema-fields';
import { FieldRow, type FormContext } from './config-form';

/** A list of values or objects: one row per item, with add and remove. */
export function ListField({ field, value, onChange, path, ctx }: {
  field: Extract<FieldSpec, { kind: 'list' }>;
  value: unknown;
  onChange: (v: unknown) => void;
  path: JsonPath;
  ctx: FormContext;
}) {
  const items = Array.isArray(value) ? (value as unknown[]) : Array.isArray(field.defaultValue) ? (field.defaultValue as unknown[]) : [];
  const blank = field.item.kind === 'object' ? {} : field.item.kind === 'number' ? 0 : '';
  return (
    <div className="list-field">
      {items.length === 0 && <span className="muted small">None yet.</span>}
      {items.map((item, i) => (
        <div key={i} className="list-item">
          <FieldRow
            field={{ ...field.item, label: `${field.label} ${i + 1}` }}
            value={item}
            path={[...path, i]}
            ctx={ctx}
            onChange={(v) => onChange(items.map((old, j) => (j === i ? v : old)))}
          />
          <button type="button" className="button small ghost" aria-label={`Remove ${field.label} ${i + 1}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>✕</button>
        </div>
      ))}
      <button type="button" className="button small" onClick={() => onChange([...items, blank])}>+ Add</button>
    </div>
  );
}
