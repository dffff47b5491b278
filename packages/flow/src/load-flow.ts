import { flowDocumentSchema, type FlowDocument } from './flow-document.js';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax-error.js';
import { checkFlowGraph } from './graph-checks.js';
import { migrateToCurrent } from './migrations.js';
import { problem, type JsonPath, type Problem } from './problem.js';
import { zodIssuesToProblems } from './zod-problems.js';

/** The outcome of reading a flow: the document when it could be read at all, and every problem found. */
export interface LoadedFlow {
  /** Present when the text is a readable flow document, even if the graph checks found problems. */
  readonly document?: FlowDocument;
  readonly problems: readonly Problem[];
  /** The format version the text was written in, when it was older and has been migrated. */
  readonly migratedFrom?: number;
}

/** Parses, migrates, schema-checks and graph-checks the text of a flow file. Never throws on bad input. */
export function loadFlowText(input: string): LoadedFlow {
  // Some Windows editors start UTF-8 files with a byte-order mark; it is not part of the JSON.
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (text.trim() === '') return fail('not-json', 'the file is empty: a flow file is a JSON object');
  if (text.includes('\u0000')) return fail('not-json', 'the file is binary, not JSON text');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail('not-json', `not valid JSON: ${describeJsonError(text, e)}`);
  }
  return loadFlowValue(raw);
}

/** Deeper than any real flow (schemas and samples included); bounds the recursion of the checks that follow. */
export const MAX_FLOW_DEPTH = 100;

/** The same as loadFlowText for an already-parsed JSON value (an API body, say). */
export function loadFlowValue(raw: unknown): LoadedFlow {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    const what = Array.isArray(raw) ? 'an array' : raw === null ? 'null' : `a ${typeof raw}`;
    return fail('not-a-flow', `a flow file must be a JSON object with formatVersion, id, name and nodes, not ${what}`);
  }
  const deep = firstPathDeeperThan(raw, MAX_FLOW_DEPTH);
  if (deep) {
    return { problems: [problem(deep, 'invalid-document', `nested more than ${MAX_FLOW_DEPTH} levels deep: no flow needs that; is this the right file?`)] };
  }
  const migrated = migrateToCurrent(raw as Record<string, unknown>);
  if (!migrated.ok) return { problems: [problem(['formatVersion'], 'unsupported-format-version', migrated.message)] };
  const parsed = flowDocumentSchema.safeParse(migrated.doc);
  const from = migrated.migratedFrom !== undefined ? { migratedFrom: migrated.migratedFrom } : {};
  if (!parsed.success) return { problems: zodIssuesToProblems(parsed.error.issues, [], 'invalid-document', migrated.doc), ...from };
  return { document: parsed.data, problems: checkFlowGraph(parsed.data), ...from };
}

function fail(code: 'not-json' | 'not-a-flow', message: string): LoadedFlow {
  return { problems: [problem([], code, message)] };
}

/** "line L, column C: what is wrong", located by Seam's own scanner (the engine's messages vary and may lack one). */
function describeJsonError(text: string, error: unknown): string {
  const found = findJsonSyntaxError(text);
  if (found) {
    const { line, column } = lineAndColumn(text, found.offset);
    return `line ${line}, column ${column}: ${found.message}`;
  }
  // The scanner accepts what the engine rejected: fall back to the engine's words, kept to one line.
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').slice(0, 200);
}

/** The path of the first value nested deeper than `limit`, found without recursion. */
function firstPathDeeperThan(root: unknown, limit: number): JsonPath | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= limit) return path.slice(0, limit);
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of entries) stack.push({ value: child, path: [...path, key] });
  }
  return undefined;
}
