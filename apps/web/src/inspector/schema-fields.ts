import { z } from 'zod';
import type { NodeDefinition } from '@seam/flow';

/** A JSON Schema node as z.toJSONSchema writes it (the subset the form understands). */
interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly description?: string;
}

interface FieldBase {
  readonly key: string;
  readonly label: string;
  readonly required: boolean;
  readonly defaultValue?: unknown;
  readonly description?: string;
}

/** One input of a generated config form. */
export type FieldSpec =
  | (FieldBase & { readonly kind: 'string'; readonly pattern?: string })
  | (FieldBase & { readonly kind: 'number'; readonly integer: boolean; readonly min?: number; readonly max?: number })
  | (FieldBase & { readonly kind: 'boolean' })
  | (FieldBase & { readonly kind: 'enum'; readonly options: readonly string[] })
  | (FieldBase & { readonly kind: 'multi-enum'; readonly options: readonly string[] })
  | (FieldBase & { readonly kind: 'list'; readonly item: FieldSpec })
  | (FieldBase & { readonly kind: 'object'; readonly fields: readonly FieldSpec[] })
  | (FieldBase & { readonly kind: 'map' })
  | (FieldBase & { readonly kind: 'json' });

const cache = new WeakMap<NodeDefinition, readonly FieldSpec[]>();

/** The form fields of a node type, generated from its config schema (the same zod schema the server checks). */
export function configFields(definition: NodeDefinition): readonly FieldSpec[] {
  let fields = cache.get(definition);
  if (!fields) {
    const schema = z.toJSONSchema(definition.config, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    fields = objectFields(schema);
    cache.set(definition, fields);
  }
  return fields;
}

/** The fields of an object schema, in declaration order. */
export function objectFields(schema: JsonSchema): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([key, s]) => fieldFor(key, s, required.has(key)));
}

/** Maps one property schema to the input that edits it; anything the form cannot express is edited as JSON. */
export function fieldFor(key: string, s: JsonSchema, required: boolean): FieldSpec {
  const base: FieldBase = {
    key,
    label: humanLabel(key),
    required,
    ...(s.default !== undefined ? { defaultValue: s.default } : {}),
    ...(s.description ? { description: s.description } : {}),
  };
  if (s.enum && s.enum.every((v) => typeof v === 'string')) return { ...base, kind: 'enum', options: s.enum as string[] };
  switch (s.type) {
    case 'string':
      return { ...base, kind: 'string', ...(s.pattern ? { pattern: s.pattern } : {}) };
    case 'integer':
    case 'number':
      return {
        ...base,
        kind: 'number',
        integer: s.type === 'integer',
        ...(s.minimum !== undefined ? { min: s.minimum } : {}),
        ...(s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER ? { max: s.maximum } : {}),
      };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'array': {
      const item = s.items ?? {};
      if (item.enum && item.enum.every((v) => typeof v === 'string')) return { ...base, kind: 'multi-enum', options: item.enum as string[] };
      if (item.type === 'string' || item.type === 'number' || item.type === 'integer' || (item.type === 'object' && item.properties)) {
        return { ...base, kind: 'list', item: fieldFor('item', item, true) };
      }
      return { ...base, kind: 'json' };
    }
    case 'object':
      if (s.properties) return { ...base, kind: 'object', fields: objectFields(s) };
      if (typeof s.additionalProperties === 'object' && s.additionalProperties.type === 'string') return { ...base, kind: 'map' };
      return { ...base, kind: 'json' };
    default:
      return { ...base, kind: 'json' };
  }
}

/** `intervalMs` → "Interval (ms)", `maxBodyBytes` → "Max body (bytes)", `retryOn` → "Retry on". */
export function humanLabel(key: string): string {
  const unit = /Ms$/.test(key) ? ' (ms)' : /Bytes$/.test(key) ? ' (bytes)' : '';
  const stem = key.replace(/Ms$|Bytes$/, '');
  const words = stem.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const text = `${words.charAt(0).toUpperCase()}${words.slice(1)}`.replace(/\burl\b/i, 'URL').replace(/\bcsv\b/i, 'CSV');
  return `${text}${unit}`;
}
