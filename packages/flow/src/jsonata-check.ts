import jsonata from 'jsonata';

export interface JsonataSyntaxError {
  readonly message: string;
  /** Character offset (1-based, as jsonata reports it) where parsing failed. */
  readonly position?: number;
  readonly code?: string;
  readonly token?: string;
}

interface JsonataThrown {
  message?: string;
  position?: number;
  code?: string;
  token?: string;
}

/** Parses a JSONata expression; returns why it does not parse, or undefined when it does. */
export function jsonataSyntaxError(expression: string): JsonataSyntaxError | undefined {
  try {
    jsonata(expression);
    return undefined;
  } catch (thrown) {
    const e = thrown as JsonataThrown;
    return {
      message: e.message ?? String(thrown),
      ...(e.position !== undefined ? { position: e.position } : {}),
      ...(e.code !== undefined ? { code: e.code } : {}),
      ...(e.token !== undefined ? { token: e.token } : {}),
    };
  }
}

/** A one-line description of a JSONata syntax error: "at character 12: Expected ")" (S0203)". */
export function describeJsonataError(error: JsonataSyntaxError): string {
  const where = error.position !== undefined ? `at character ${error.position}: ` : '';
  const code = error.code ? ` (${error.code})` : '';
  return `${where}${error.message}${code}`;
}
