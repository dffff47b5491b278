import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** One ajv instance for checking schemas (not data): draft 2020-12 with formats, as the runtime uses. */
let checker: Ajv2020 | undefined;

/** The ajv every part of Seam validates messages with: draft 2020-12, all errors, formats on. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv;
}

const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/** What is wrong with a JSON Schema, located inside it (`path` is relative to the schema). */
export interface JsonSchemaFault {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Returns why a JSON Schema is itself invalid (does not compile under draft 2020-12), or undefined. */
export function jsonSchemaError(schema: unknown): string | undefined {
  const faults = jsonSchemaFaults(schema);
  return faults.length === 0 ? undefined : faults.map((f) => (f.path.length ? `${f.path.join('/')}: ${f.message}` : f.message)).join('; ');
}

/**
 * Every place where a JSON Schema breaks the draft 2020-12 meta-schema, one fault per location; a schema that
 * passes the meta-schema but still does not compile (an unresolvable $ref, say) gives one fault at its root.
 */
export function jsonSchemaFaults(schema: unknown): JsonSchemaFault[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return [{ path: [], message: 'a JSON Schema must be an object' }];
  }
  const dialect = (schema as Record<string, unknown>).$schema;
  if (dialect !== undefined && dialect !== DRAFT_2020_12 && dialect !== `${DRAFT_2020_12}#`) {
    return [{
      path: ['$schema'],
      message: `${JSON.stringify(dialect)} is not supported: Seam checks messages with JSON Schema draft 2020-12; write "${DRAFT_2020_12}" or leave $schema out`,
    }];
  }
  checker ??= createChecker();
  if (!checker.validateSchema(schema)) return metaSchemaFaults(checker.errors ?? []);
  const formats = unknownFormats(schema, new Set(Object.keys(checker.formats)));
  if (formats.length > 0) return formats;
  try {
    checker.compile(schema);
    return [];
  } catch (thrown) {
    return [{ path: [], message: thrown instanceof Error ? thrown.message : String(thrown) }];
  } finally {
    // Compiled schemas are cached by content; checking is one-off, so do not let the cache grow with edits.
    checker.removeSchema(schema as object);
  }
}

/** Like the runtime's ajv, but silent: the checker reports through faults, not console warnings. */
function createChecker(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false });
  addFormats.default(ajv);
  return ajv;
}

/** Keywords whose values are data, not schemas: a "format" field inside them is not the format keyword. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'example']);

/**
 * ajv ignores a format it does not know, so a typo such as "date-tme" would silently check nothing at run time.
 * Walks the schema without recursion.
 */
function unknownFormats(schema: object, known: ReadonlySet<string>): JsonSchemaFault[] {
  const faults: JsonSchemaFault[] = [];
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value: schema, path: [] }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      const at = [...path, Array.isArray(value) ? Number(key) : key];
      if (!Array.isArray(value) && key === 'format' && typeof child === 'string' && !known.has(child)) {
        faults.push({ path: at, message: `unknown format "${child}"; known formats: ${[...known].sort().join(', ')}` });
      } else if (Array.isArray(value) || !DATA_KEYWORDS.has(key)) {
        pending.push({ value: child, path: at });
      }
    }
  }
  return faults.reverse();
}

/** The meta-schema reports a wrong value several times over (enum, type, anyOf); keep the clearest per location. */
function metaSchemaFaults(errors: readonly ErrorObject[]): JsonSchemaFault[] {
  const byLocation = new Map<string, ErrorObject>();
  const clarity = (e: ErrorObject) => (e.keyword === 'enum' ? 0 : e.keyword === 'anyOf' || e.keyword === 'oneOf' ? 2 : 1);
  for (const error of errors) {
    const seen = byLocation.get(error.instancePath);
    if (!seen || clarity(error) < clarity(seen)) byLocation.set(error.instancePath, error);
  }
  return [...byLocation.values()].map((e) => ({ path: pointerToPath(e.instancePath), message: describeMetaError(e) }));
}

function describeMetaError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (error.keyword === 'type') return `must be ${String(params.type).split(',').map((t) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`)).join(' or ')}`;
  return error.message ?? 'is not allowed here';
}

/** "/properties/total/type" → ["properties", "total", "type"], unescaping ~1 and ~0 as JSON Pointer requires. */
function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => {
    const key = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(key) ? Number(key) : key;
  });
}
