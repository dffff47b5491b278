import { createAjv, formatPath, type JsonPath } from '@seam/flow';

/** One thing a JSON Schema refuses in a message: where (`$.billTo.email`) and what. */
export interface SchemaFault {
  readonly path: string;
  readonly message: string;
}

/** Checks messages against a schema; compiled once per contract. */
export type MessageCheck = (message: unknown) => SchemaFault[];

/** The part of an ajv error this module reads (kept structural so this package does not depend on ajv's types). */
interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/**
 * Compiles contract schemas with the ajv every part of Seam validates with (draft 2020-12, formats on), so that
 * `seam test` accepts exactly what a validate node would.
 */
export function createSchemaChecker(): (schema: Readonly<Record<string, unknown>>) => MessageCheck {
  const ajv = createAjv();
  return (schema) => {
    const validate = ajv.compile(schema);
    return (message) => (validate(message) ? [] : (validate.errors ?? []).map(describeAjvError));
  };
}

/** A missing or unexpected property is named by its own path, not its parent's: `$.total: is missing`. */
function describeAjvError(error: AjvError): SchemaFault {
  const at = pointerToPath(error.instancePath);
  const { missingProperty, additionalProperty } = error.params;
  if (error.keyword === 'required' && typeof missingProperty === 'string') {
    return { path: formatPath([...at, missingProperty]), message: 'is missing (required)' };
  }
  if (error.keyword === 'additionalProperties' && typeof additionalProperty === 'string') {
    return { path: formatPath([...at, additionalProperty]), message: 'is not allowed (additionalProperties is false)' };
  }
  return { path: formatPath(at), message: error.message ?? `fails "${error.keyword}"` };
}

/** "/lines/0/sku" → ["lines", 0, "sku"], unescaping ~1 and ~0 as JSON Pointer requires. */
function pointerToPath(pointer: string): JsonPath {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => {
    const key = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(key) ? Number(key) : key;
  });
}
