import { z } from 'zod';
import { nodeCatalog } from './node-catalog.js';
import type { NodeDefinition } from './node-definition.js';

/** One config field of a node type as the docs and the inspector show it (nested fields have dotted names). */
export interface ConfigFieldReference {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly default?: unknown;
  readonly description: string;
}

type JsonSchemaNode = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  items?: JsonSchemaNode;
  properties?: Record<string, JsonSchemaNode>;
  additionalProperties?: JsonSchemaNode | boolean;
  required?: string[];
};

/** Every config field of a node type, read from its zod schema: the single source the docs are generated from. */
export function configFieldReference(definition: NodeDefinition): ConfigFieldReference[] {
  const schema = z.toJSONSchema(definition.config, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  const fields: ConfigFieldReference[] = [];
  const visit = (node: JsonSchemaNode, prefix: string) => {
    for (const [key, field] of Object.entries(node.properties ?? {})) {
      const name = prefix + key;
      fields.push({
        name,
        type: describeType(field),
        required: (node.required ?? []).includes(key),
        ...(field.default !== undefined ? { default: field.default } : {}),
        description: field.description ?? '',
      });
      if (field.type === 'object' && field.properties) visit(field, `${name}.`);
    }
  };
  visit(schema, '');
  return fields;
}

function describeType(field: JsonSchemaNode): string {
  if (field.enum) return `one of ${field.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  // zod states "whole number" as a range up to 2^53 - 1: no limit worth printing.
  const max = field.maximum !== undefined && field.maximum < Number.MAX_SAFE_INTEGER ? field.maximum : undefined;
  const min = field.minimum !== undefined && field.minimum > Number.MIN_SAFE_INTEGER ? field.minimum : undefined;
  const range = () =>
    min !== undefined && max !== undefined ? ` ${min}–${max}` : min !== undefined ? ` ≥ ${min}` : max !== undefined ? ` ≤ ${max}` : '';
  switch (field.type) {
    case 'integer': return `whole number${range()}`;
    case 'number': return `number${range()}`;
    case 'boolean': return 'true / false';
    case 'string': return field.pattern ? `text matching \`${field.pattern}\`` : field.minLength ? 'text (not empty)' : 'text';
    case 'array': return `list of ${field.items ? describeType(field.items) : 'any JSON'}${field.minItems ? ` (at least ${field.minItems})` : ''}`;
    case 'object':
      if (field.properties) return 'object (fields below)';
      return typeof field.additionalProperties === 'object' && field.additionalProperties.type === 'string'
        ? 'object of text values' : 'JSON object';
    default: return 'any JSON';
  }
}

/** The node-type reference of docs/flow-format.md, generated so that it can never drift from the catalog. */
export function catalogReferenceMarkdown(): string {
  return nodeCatalog.map(renderDefinition).join('\n');
}

function renderDefinition(d: NodeDefinition): string {
  const ports = [
    d.ports.inputs.length ? `input port \`${d.ports.inputs.join('`, `')}\`` : 'no input (a source)',
    d.ports.outputs.length ? `output port \`${d.ports.outputs.join('`, `')}\`` : 'no output (a sink)',
  ].join('; ');
  const rows = configFieldReference(d).map((f) => {
    const shown = f.default === undefined ? (f.required ? '**required**' : '—') : `\`${JSON.stringify(f.default)}\``;
    return `| \`${f.name}\` | ${f.type.replace(/\|/g, '\\|')} | ${shown} | ${f.description.replace(/\|/g, '\\|')} |`;
  });
  return [
    `### \`${d.type}\` — ${d.title} (${d.kind})`,
    '',
    d.doc,
    '',
    `Ports: ${ports}.`,
    '',
    ...(rows.length === 0
      ? ['No config fields.']
      : ['| field | type | default | what it does |', '| --- | --- | --- | --- |', ...rows]),
    '',
  ].join('\n');
}
