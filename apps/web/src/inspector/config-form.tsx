import type { JsonPath } from '@seam/flow';
import type { FieldSpec } from './schema-fields';
import { asRecord, pathKey, withKey } from './config-values';
import { FieldInput } from './field-input';

export interface FormContext {
  readonly errors: ReadonlyMap<string, string[]>;
}

/** A form for an object value, one row per field; used for a node's config and for nested objects. */
export function ConfigForm({ fields, value, onChange, path, ctx }: {
  fields: readonly FieldSpec[];
  value: Readonly<Record<string, unknown>>;
  onChange: (next: Record<string, unknown>) => void;
  path: JsonPath;
  ctx: FormContext;
}) {
  return (
    <div className="config-form">
      {fields.map((field) => (
        <FieldRow
          key={field.key}
          field={field}
          value={value[field.key]}
          path={[...path, field.key]}
          ctx={ctx}
          onChange={(v) => onChange(withKey(value, field.key, v))}
        />
      ))}
    </div>
  );
}

/** One labelled field with its inline errors (from the same checks the server runs). */
export function FieldRow({ field, value, onChange, path, ctx }: {
  field: FieldSpec;
  value: unknown;
  onChange: (v: unknown) => void;
  path: JsonPath;
  ctx: FormContext;
}) {
  const errors = ctx.errors.get(pathKey(path)) ?? [];
  if (field.kind === 'object') {
    const present = value !== undefined;
    return (
      <fieldset className={`field-group${errors.length ? ' invalid' : ''}`}>
        <legend>
          {field.label}
          {!field.required && field.defaultValue === undefined && (
            <label className="inline-toggle">
              <input type="checkbox" checked={present} onChange={(e) => onChange(e.target.checked ? {} : undefined)} /> use
            </label>
          )}
        </legend>
        {(present || field.required || field.defaultValue !== undefined) && (
          <ConfigForm fields={field.fields} value={asRecord(value ?? field.defaultValue)} onChange={onChange} path={path} ctx={ctx} />
        )}
        <FieldErrors errors={errors} />
      </fieldset>
    );
  }
  return (
    <div className={`field${errors.length ? ' invalid' : ''}`} data-field={pathKey(path)}>
      <span className="field-label">
        {field.label}
        {field.required && <span className="required" title="required"> *</span>}
      </span>
      <FieldInput field={field} value={value} onChange={onChange} path={path} ctx={ctx} />
      {field.description && <span className="muted small">{field.description}</span>}
      <FieldErrors errors={errors} />
    </div>
  );
}

function FieldErrors({ errors }: { errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return <>{errors.map((e) => <span key={e} className="error-text field-error" role="alert">{e}</span>)}</>;
}
