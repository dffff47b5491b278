import { isFunction } from './call-runtime.js';
import type { EvalState } from './eval-state.js';
import { arith } from './operators-runtime.js';
import { lookup, step } from './path-runtime.js';
import { createSequence, isSequence, norm, type Seq } from './sequence.js';

// Specialisations of the general path and operator code for the shapes mappings use most. Each must
// return exactly what the general code returns; the conformance suite and property tests compare them.

const hasOwn = Object.prototype.hasOwnProperty;

/** A one-step name path `a`, normalised. */
export function field(input: unknown, key: string): unknown {
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    if (!hasOwn.call(input, key) || isFunction(input)) return undefined;
    const value = (input as Record<string, unknown>)[key];
    // a JSON array comes back as is; a sequence stored in an object takes the general route
    if (!isSequence(value)) return value;
  }
  return namePathGeneral(input, [key]);
}

function namePathGeneral(input: unknown, keys: readonly string[]): unknown {
  let seq: Seq = Array.isArray(input) ? (input as Seq) : createSequence(input);
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
    if (current === null || typeof current !== 'object' || isFunction(current)) return undefined;
    const key = keys[i] as string;
    if (!hasOwn.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  if (Array.isArray(current)) return isSequence(current) ? namePathGeneral(input, keys) : current;
  return current;
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
