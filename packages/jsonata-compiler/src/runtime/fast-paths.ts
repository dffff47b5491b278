import { arith, compare } from './operators-runtime.js';
import { lookup } from './path-runtime.js';
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
  const seq: Seq = Array.isArray(input) && !(wrapCons && (input as Seq).cons) ? (input as Seq) : createSequence(input);
  return stepsFrom(seq, keys, 0);
}

/**
 * The general name-step loop (`evaluateStep` with `lookup`) from step `from` on, without closures: per
 * item the normalised lookup, results flattened one level, a lone raw array from the last step kept.
 */
function stepsFrom(input: Seq, keys: readonly string[], from: number): unknown {
  return stepsFromRaw(input, keys, from, true);
}

function stepsFromRaw(input: Seq, keys: readonly string[], from: number, lastIsLast: boolean): unknown {
  let seq = input;
  for (let k = from; k < keys.length; k++) {
    const key = keys[k] as string;
    const last = lastIsLast && k === keys.length - 1;
    const out = createSequence();
    let single: unknown;
    let count = 0;
    for (let i = 0; i < seq.length; i++) {
      const res = lookupNorm(seq[i], key);
      if (res === undefined) continue;
      count++;
      single = res;
      if (!Array.isArray(res) || (res as Seq).cons) {
        out.push(res);
      } else {
        for (let j = 0; j < res.length; j++) out.push(res[j]);
      }
    }
    if (last && count === 1 && Array.isArray(single) && !isSequence(single)) return single;
    seq = out;
    if (seq.length === 0) break;
  }
  return lastIsLast ? norm(seq) : seq;
}

/**
 * The sequence after a path's leading name steps when more steps follow (none of these is the last step):
 * the input of the first non-trivial step. An empty result just makes the following steps empty too.
 */
export function pathPrefix(input: unknown, keys: readonly string[]): Seq {
  if (Array.isArray(input)) return stepsFromRaw(input as Seq, keys, 0, false) as Seq;
  let current = input;
  for (let i = 0; i < keys.length; i++) {
    if (current === null || typeof current !== 'object') return createSequence();
    const key = keys[i] as string;
    if (!hasOwn.call(current, key)) return createSequence();
    current = (current as Record<string, unknown>)[key];
    if (Array.isArray(current)) {
      if (isSequence(current)) return stepsFromRaw(createSequence(input), keys, 0, false) as Seq;
      // the step's result, flattened into a fresh sequence as the step would (a cons array stays one item)
      const flattened = createSequence();
      if ((current as Seq).cons) flattened.push(current);
      else for (const item of current) flattened.push(item);
      return stepsFromRaw(flattened, keys, i + 1, false) as Seq;
    }
  }
  return current === undefined ? createSequence() : createSequence(current);
}

/**
 * A names-only path `a.b.c`, normalised. While every value met is a plain object the walk is a chain of
 * own-property reads; any array met (in the input or on the way) restarts with the general semantics.
 */
export function namePath(input: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(input)) return namePathGeneral(input, keys);
  let current = input;
  for (let i = 0; i < keys.length; i++) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = keys[i] as string;
    if (!hasOwn.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
    if (Array.isArray(current)) {
      if (isSequence(current)) return namePathGeneral(input, keys);
      // so far one object per step; the array is that step's one raw result
      if (i === keys.length - 1) return current;
      return stepsFrom((current as Seq).cons ? createSequence(current) : (current as Seq), keys, i + 1);
    }
  }
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
export function add(l: unknown, r: unknown, position?: number): number | undefined {
  return typeof l === 'number' && typeof r === 'number' && Number.isFinite(l) && Number.isFinite(r) ? l + r : arith('+', l, r, position);
}
/** `-` */
export function sub(l: unknown, r: unknown, position?: number): number | undefined {
  return typeof l === 'number' && typeof r === 'number' && Number.isFinite(l) && Number.isFinite(r) ? l - r : arith('-', l, r, position);
}
/** `*` */
export function mul(l: unknown, r: unknown, position?: number): number | undefined {
  return typeof l === 'number' && typeof r === 'number' && Number.isFinite(l) && Number.isFinite(r) ? l * r : arith('*', l, r, position);
}
/** `/` */
export function div(l: unknown, r: unknown, position?: number): number | undefined {
  return typeof l === 'number' && typeof r === 'number' && Number.isFinite(l) && Number.isFinite(r) ? l / r : arith('/', l, r, position);
}
/** `%` */
export function mod(l: unknown, r: unknown, position?: number): number | undefined {
  return typeof l === 'number' && typeof r === 'number' && Number.isFinite(l) && Number.isFinite(r) ? l % r : arith('%', l, r, position);
}

/** `<` (numbers or strings of one type compare directly; the rest takes the checked path) */
export function lt(l: unknown, r: unknown, position?: number): boolean | undefined {
  return (typeof l === 'number' && typeof r === 'number') || (typeof l === 'string' && typeof r === 'string') ? l < r : compare('<', l, r, position);
}
/** `<=` */
export function le(l: unknown, r: unknown, position?: number): boolean | undefined {
  return (typeof l === 'number' && typeof r === 'number') || (typeof l === 'string' && typeof r === 'string') ? l <= r : compare('<=', l, r, position);
}
/** `>` */
export function gt(l: unknown, r: unknown, position?: number): boolean | undefined {
  return (typeof l === 'number' && typeof r === 'number') || (typeof l === 'string' && typeof r === 'string') ? l > r : compare('>', l, r, position);
}
/** `>=` */
export function ge(l: unknown, r: unknown, position?: number): boolean | undefined {
  return (typeof l === 'number' && typeof r === 'number') || (typeof l === 'string' && typeof r === 'string') ? l >= r : compare('>=', l, r, position);
}
