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

/** Where a call or operator is in the expression: what the interpreter adds to errors raised there. */
export interface CallSite {
  token: string;
  position: number | undefined;
}

/** Adds the call site to an error that does not say where it happened yet (as the interpreter does). */
export function annotate(err: unknown, at: CallSite | undefined): unknown {
  if (at !== undefined && isJsonataError(err)) {
    if (err.position === undefined && at.position !== undefined) err.position = at.position;
    if (err.token === undefined) err.token = at.token;
  }
  return err;
}
