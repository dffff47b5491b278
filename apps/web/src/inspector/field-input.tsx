import type { JsonPath } from '@seam/flow';
import type { FieldSpec } from './schema-fields';
import type { FormContext } from './config-form';
import { JsonTextField } from './json-text-field';
import { ListField } from './list-field';
import { MapField } from './map-field';
import { SecretChips } from './secret-chips';

/** The input for one field kind. Empty optional inputs remove the key, so the type's default applies. */
export function FieldInput({ field, value, onChange, path, ctx }: {
  field: FieldSpec;
  value: unknown;
  onChange: (v: unknown) => void;
  path: JsonPath;
  ctx: FormContext;
}) {
  const placeholder = field.defaultValue !== undefined && typeof field.defaultValue !== 'object' ? `default: ${String(field.defaultValue)}` : '';
  switch (field.kind) {
    case 'string':
      return (
        <>
          <input
            type="text"
            aria-label={field.label}
            value={typeof value === 'string' ? value : ''}
            placeholder={placeholder}
            onChange={(e) => onChange(e.target.value === '' && !field.required ? undefined : e.target.value)}
          />
          {typeof value === 'string' && <SecretChips value={value} />}
        </>
      );
    case 'number':
      return (
        <input
          type="number"
          aria-label={field.label}
          value={typeof value === 'number' ? value : ''}
          placeholder={placeholder}
          min={field.min}
          max={field.max}
          step={field.integer ? 1 : 'any'}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
    case 'boolean':
      return (
        <label className="checkbox">
          <input
            type="checkbox"
            aria-label={field.label}
            checked={typeof value === 'boolean' ? value : field.defaultValue === true}
            onChange={(e) => onChange(e.target.checked)}
          />
          {field.defaultValue !== undefined && <span className="muted small">default: {String(field.defaultValue)}</span>}
        </label>
      );
    case 'enum':
      return (
        <select aria-label={field.label} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
          {!field.required && <option value="">{field.defaultValue !== undefined ? `default (${String(field.defaultValue)})` : '—'}</option>}
          {field.options.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      );
    case 'multi-enum': {
      const chosen = Array.isArray(value) ? (value as unknown[]) : Array.isArray(field.defaultValue) ? (field.defaultValue as unknown[]) : [];
      return (
        <div className="multi-enum" role="group" aria-label={field.label}>
          {field.options.map((o) => (
            <label key={o} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(o)}
                onChange={(e) => onChange(e.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o))}
              /> {o}
            </label>
          ))}
        </div>
      );
    }
    case 'list':
      return <ListField field={field} value={value} onChange={onChange} path={path} ctx={ctx} />;
    case 'map':
      return <MapField label={field.label} value={value} onChange={onChange} />;
    case 'object':
    case 'json':
      return <JsonTextField label={field.label} value={value ?? field.defaultValue} onChange={onChange} rows={4} />;
  }
}
