/** The shape of errors the jsonata interpreter throws: plain objects carrying a code, not Error instances. */
export interface JsonataErrorShape {
  code: string;
  message?: string;
  value?: unknown;
  token?: string;
  position?: number;
  stack?: string;
  [extra: string]: unknown;
}

/** Builds an interpreter-compatible error object (with a stack, like the interpreter's). */
export function jsonataError(code: string, fields: Omit<JsonataErrorShape, 'code'> = {}): JsonataErrorShape {
  return { code, stack: new Error(code).stack, ...fields };
}

/** True when a thrown value looks like a jsonata error (has a string `code`). */
export function isJsonataError(value: unknown): value is JsonataErrorShape {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string';
}
