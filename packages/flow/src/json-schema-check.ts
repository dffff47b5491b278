import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** One ajv instance for checking schemas (not data): draft 2020-12 with formats, as the runtime uses. */
let checker: Ajv2020 | undefined;

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv;
}

/** Returns why a JSON Schema is itself invalid (does not compile under draft 2020-12), or undefined. */
export function jsonSchemaError(schema: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return 'a JSON Schema must be an object';
  }
  checker ??= createAjv();
  try {
    checker.compile(schema);
    return undefined;
  } catch (thrown) {
    return thrown instanceof Error ? thrown.message : String(thrown);
  } finally {
    // Compiled schemas are cached by content; checking is one-off, so do not let the cache grow with edits.
    checker.removeSchema(schema as object);
  }
}
