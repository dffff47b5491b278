import type { EvalState } from './eval-state.js';
import { arith } from './operators-runtime.js';
import { lookup, step } from './path-runtime.js';
import { createSequence, isSequence, norm, type Seq } from './sequence.js';

// Specialisations of the general path and operator code for the shapes mappings use most. Each must
// return exactly what the general code returns; the conformance suite and property tests compare them.

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Keys that a built-in's definition object has. Only lookups of these can hit a function value (which
 * field lookups must not see into); the generator sends them down the general path, so the fast paths
 * below can skip the function check.
 */
export const FUNCTION_OBJECT_KEYS: ReadonlySet<string> = new Set(['_jsonata_function', '_jsonata_lambda', 'implementation', 'signature', 'token', 'position']);

/** A one-step name path `a`, normalised. */
export function field(input: unknown, key: string): unknown {
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    if (!hasOwn.call(input, key)) return undefined;
    const value = (input as Record<string, unknown>)[key];
    // a JSON array comes back as is; a sequence stored in an object takes the general route
    if (!isSequence(value)) return value;
  }
  return namePathGeneral(input, [key]);
}

function namePathGeneral(input: unknown, keys: readonly string[], wrapCons = false): unknown {
  // after a variable step, a constructed array is one item, not items (step results are not flattened)
  let seq: Seq = Array.isArray(input) && !(wrapCons && (input as Seq).cons) ? (input as Seq) : createSequence(input);
  const st = { ticks: 1 } as EvalState;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    seq = step(st, seq, (item) => norm(lookup(item, key)), i === keys.length - 1);
    if (seq.length === 0) break;
  }
  return norm(seq);
}

/**
 * A names-only path `a.b.c`, normalised. While every value met is a plain object the walk is a chain of
 * own-property reads; any array met (in the input or on the way) restarts with the general semantics.
 */
export function namePath(input: unknown, keys: readonly string[]): unknown {
  let current = input;
  for (let i = 0; i < keys.length; i++) {
    if (Array.isArray(current)) return namePathGeneral(input, keys);
    if (current === null || typeof current !== 'object') return undefined;
    const key = keys[i] as string;
    if (!hasOwn.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  if (Array.isArray(current)) return isSequence(current) ? namePathGeneral(input, keys) : current;
  return current;
}

/**
 * `$v.a.b`: the variable's (normalised) value is the first step's only result, flattened into the
 * input of the name steps — which is a names-only path over that value.
 */
export function varPath(value: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(value) && (value as Seq).cons) return namePathGeneral(value, keys, true);
  return namePath(value, keys);
}

/** A name step on one item, normalised (`norm(lookup(item, key))`) — for keys a built-in's definition lacks. */
export function lookupNorm(item: unknown, key: string): unknown {
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    if (!hasOwn.call(item, key)) return undefined;
    const value = (item as Record<string, unknown>)[key];
    return isSequence(value) ? norm(value) : value;
  }
  return norm(lookup(item, key));
}

/** `$v.a`: one name after a variable. */
export function varField(value: unknown, key: string): unknown {
  if (Array.isArray(value) && (value as Seq).cons) return namePathGeneral(value, [key], true);
  return field(value, key);
}

/** `+` */
export function add(l: unknown, r: unknown): number | undefined {
  return typeof l === 'number' && typeof r === 'number' && Number.isFinite(l) && Number.isFinite(r) ? l + r : arith('+', l, r);
}
/** `-` */
export function sub(l: unknown, r: unknown): number | undefined {
  return typeof l === 'number' && typeof r === 'number' && Number.isFinite(l) && Number.isFinite(r) ? l - r : arith('-', l, r);
}
/** `*` */
export function mul(l: unknown, r: unknown): number | undefined {
  return typeof l === 'number' && typeof r === 'number' && Number.isFinite(l) && Number.isFinite(r) ? l * r : arith('*', l, r);
}
/** `/` */
export function div(l: unknown, r: unknown): number | undefined {
  return typeof l === 'number' && typeof r === 'number' && Number.isFinite(l) && Number.isFinite(r) ? l / r : arith('/', l, r);
}
/** `%` */
export function mod(l: unknown, r: unknown): number | undefined {
  return typeof l === 'number' && typeof r === 'number' && Number.isFinite(l) && Number.isFinite(r) ? l % r : arith('%', l, r);
}
