import type { coercionKinds } from '@seam/flow';
import type { DriftNotice } from './node-runner.js';

export type CoercionKind = (typeof coercionKinds)[number];

export interface Coercion {
  readonly pointer: string;
  readonly as: CoercionKind;
}

type Converted = { value: unknown; seen: string } | undefined;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
/** Below this a Unix timestamp is taken as seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const SECONDS_LIMIT = 1e11;

/** Converts a value that drifted from the declared kind; undefined when it already fits or cannot be helped. */
function convert(value: unknown, as: CoercionKind): Converted {
  switch (as) {
    case 'date-time': {
      if (typeof value === 'string' && ISO_DATE_TIME.test(value)) {
        if (/[zZ]$|[+-]\d{2}:\d{2}$/.test(value) && value[10] === 'T') return undefined;
        const d = new Date(value);
        return Number.isNaN(d.getTime()) ? undefined : { value: d.toISOString(), seen: 'ISO-8601 without zone or T' };
      }
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
      if (!Number.isFinite(n)) return undefined;
      const seconds = Math.abs(n) < SECONDS_LIMIT;
      const d = new Date(seconds ? n * 1000 : n);
      if (Number.isNaN(d.getTime())) return undefined;
      return { value: d.toISOString(), seen: `${seconds ? 'Unix seconds' : 'Unix milliseconds'}${typeof value === 'string' ? ' as string' : ''}` };
    }
    case 'number':
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return { value: Number(value), seen: 'numeric string' };
      return undefined;
    case 'string':
      if (typeof value === 'number' || typeof value === 'boolean') return { value: String(value), seen: typeof value };
      return undefined;
    case 'boolean':
      if (value === 'true' || value === 'false') return { value: value === 'true', seen: 'string' };
      if (value === 0 || value === 1) return { value: value === 1, seen: 'number' };
      return undefined;
  }
}

const EXPECTED: Record<CoercionKind, string> = {
  'date-time': 'ISO-8601 date-time',
  number: 'number',
  string: 'string',
  boolean: 'boolean',
};

const unescape = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * Applies the coercions to a message, copying only the objects on the way to a changed field (the input is
 * shared with other branches, so it is never mutated). Each conversion is reported as drift.
 */
export function applyCoercions(message: unknown, coercions: readonly Coercion[], report: (notice: DriftNotice) => void): unknown {
  return compileCoercions(coercions)(message, report);
}

/** `applyCoercions` with the JSON pointers parsed once (a validate node compiles its coercions at deploy). */
export function compileCoercions(coercions: readonly Coercion[]): (message: unknown, report: (notice: DriftNotice) => void) => unknown {
  const parsed = coercions.map((c) => ({ c, tokens: c.pointer.split('/').slice(1).map(unescape) }));
  return (message, report) => {
    let out = message;
    for (const { c, tokens } of parsed) out = visit(out, tokens, 0, '', c, report);
    return out;
  };
}

function visit(node: unknown, tokens: readonly string[], i: number, at: string, c: Coercion, report: (n: DriftNotice) => void): unknown {
  if (i === tokens.length) {
    const converted = convert(node, c.as);
    if (!converted) return node;
    report({ field: at || '/', expected: EXPECTED[c.as], seen: converted.seen, sample: node });
    return converted.value;
  }
  const token = tokens[i]!;
  if (token === '*' && Array.isArray(node)) {
    let copy: unknown[] | undefined;
    node.forEach((item, k) => {
      const next = visit(item, tokens, i + 1, `${at}/*`, c, report);
      if (next !== item) (copy ??= [...node])[k] = next;
    });
    return copy ?? node;
  }
  if (typeof node !== 'object' || node === null) return node;
  const record = node as Record<string, unknown>;
  if (!(token in record)) return node;
  const next = visit(record[token], tokens, i + 1, `${at}/${token}`, c, report);
  if (next === record[token]) return node;
  return Array.isArray(node) ? Object.assign([...node], { [token]: next }) : { ...record, [token]: next };
}
