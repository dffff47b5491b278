import { createAjv } from '@seam/flow';

export interface Violation {
  /** Where in the message: `/customer/email`, or `(the message)` for the root. */
  readonly path: string;
  readonly message: string;
  readonly schemaPath: string;
}

export type SchemaCheck =
  | { readonly kind: 'invalid-schema'; readonly message: string }
  | { readonly kind: 'checked'; readonly results: readonly (readonly Violation[])[] };

let ajv: ReturnType<typeof createAjv> | undefined;

/** Checks each sample against a JSON Schema with the runtime's ajv set-up (draft 2020-12, formats). */
export function checkSamples(schema: unknown, samples: readonly unknown[]): SchemaCheck {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return { kind: 'invalid-schema', message: 'a JSON Schema must be an object' };
  ajv ??= createAjv();
  let validate: ReturnType<typeof ajv.compile>;
  try {
    validate = ajv.compile(schema);
  } catch (thrown) {
    return { kind: 'invalid-schema', message: thrown instanceof Error ? thrown.message : String(thrown) };
  } finally {
    ajv.removeSchema(schema as object);
  }
  return {
    kind: 'checked',
    results: samples.map((sample) => {
      if (validate(sample)) return [];
      return (validate.errors ?? []).map((e) => ({
        path: e.instancePath || '(the message)',
        message: describe(e.message, e.params),
        schemaPath: e.schemaPath,
      }));
    }),
  };
}

function describe(message: string | undefined, params: Record<string, unknown>): string {
  if (typeof params.missingProperty === 'string') return `must have the field "${params.missingProperty}"`;
  if (typeof params.additionalProperty === 'string') return `has the field "${params.additionalProperty}", which the schema does not allow`;
  if (Array.isArray(params.allowedValues)) return `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return message ?? 'is not valid';
}
