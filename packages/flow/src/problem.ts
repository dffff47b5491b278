/** A path into a JSON document: object keys and array indexes, outermost first. */
export type JsonPath = readonly (string | number)[];

/** One thing wrong with a flow, located by a JSON path, told in a sentence a user can act on. */
export interface Problem {
  readonly path: JsonPath;
  readonly code: ProblemCode;
  readonly message: string;
}

export type ProblemCode =
  | 'not-json'
  | 'not-a-flow'
  | 'unsupported-format-version'
  | 'invalid-document'
  | 'unknown-node-type'
  | 'invalid-config'
  | 'duplicate-node-id'
  | 'edge-missing-node'
  | 'edge-missing-port'
  | 'duplicate-edge'
  | 'cycle'
  | 'no-source'
  | 'source-without-downstream'
  | 'unreachable-node'
  | 'node-without-downstream'
  | 'jsonata-syntax'
  | 'invalid-json-schema'
  | 'literal-secret'
  | 'layout-unknown-node'
  | 'sample-unknown-node';

/** Formats a path as `$.nodes[2].config.url` — the form every Seam tool prints. */
export function formatPath(path: JsonPath): string {
  let out = '$';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

export function problem(path: JsonPath, code: ProblemCode, message: string): Problem {
  return { path, code, message };
}
