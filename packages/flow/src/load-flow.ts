import { flowDocumentSchema, type FlowDocument } from './flow-document.js';
import { checkFlowGraph } from './graph-checks.js';
import { migrateToCurrent } from './migrations.js';
import { problem, type Problem } from './problem.js';
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
export function loadFlowText(text: string): LoadedFlow {
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

/** The same as loadFlowText for an already-parsed JSON value (an API body, say). */
export function loadFlowValue(raw: unknown): LoadedFlow {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    const what = Array.isArray(raw) ? 'an array' : raw === null ? 'null' : `a ${typeof raw}`;
    return fail('not-a-flow', `a flow file must be a JSON object with formatVersion, id, name and nodes, not ${what}`);
  }
  const migrated = migrateToCurrent(raw as Record<string, unknown>);
  if (!migrated.ok) return { problems: [problem(['formatVersion'], 'unsupported-format-version', migrated.message)] };
  const parsed = flowDocumentSchema.safeParse(migrated.doc);
  const from = migrated.migratedFrom !== undefined ? { migratedFrom: migrated.migratedFrom } : {};
  if (!parsed.success) return { problems: zodIssuesToProblems(parsed.error.issues, [], 'invalid-document'), ...from };
  return { document: parsed.data, problems: checkFlowGraph(parsed.data), ...from };
}

function fail(code: 'not-json' | 'not-a-flow', message: string): LoadedFlow {
  return { problems: [problem([], code, message)] };
}

/** Turns JSON.parse's message into "line L, column C: …" so the user can find the spot. */
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  if (!match) return message;
  const offset = Number(match[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')}`;
}
