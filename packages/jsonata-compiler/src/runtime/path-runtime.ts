import { isFunction } from './call-runtime.js';
import { booleanOf, isNumeric } from './operators-runtime.js';
import { append, createSequence, flattenDeep, type Seq } from './sequence.js';

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * A field lookup with the interpreter's semantics (`fn.lookup`): own properties only — so `constructor`,
 * `__proto__` and the like are never reachable — and arrays are mapped and flattened one level.
 */
export function lookup(input: unknown, key: string): unknown {
  if (Array.isArray(input)) {
    const result = createSequence();
    for (let i = 0; i < input.length; i++) {
      const res = lookup(input[i], key);
      if (res !== undefined) {
        if (Array.isArray(res)) {
          for (const value of res) result.push(value);
        } else {
          result.push(res);
        }
      }
    }
    return result;
  }
  if (input !== null && typeof input === 'object' && hasOwn.call(input, key) && !isFunction(input)) {
    return (input as Record<string, unknown>)[key];
  }
  return undefined;
}

/** The input sequence of a path: arrays are iterated unless the path starts at a variable. */
export function pathInput(input: unknown, startsWithVariable: boolean): Seq {
  if (Array.isArray(input) && !startsWithVariable) return input as Seq;
  return createSequence(input);
}

/** The items a predicate runs over: an array as is, anything else as a one-item sequence. */
export function asItems(input: unknown): Seq {
  return Array.isArray(input) ? (input as Seq) : createSequence(input);
}

/** Keeps `item` in `out` according to a non-boolean predicate result (numbers select positions). */
export function filterPush(out: unknown[], res: unknown, item: unknown, index: number, length: number): void {
  const value = isNumeric(res) ? [res] : res;
  if (isArrayOfNumbers(value)) {
    for (const ires of value as number[]) {
      let ii = Math.floor(ires);
      if (ii < 0) ii = length + ii;
      if (ii === index) out.push(item);
    }
  } else if (booleanOf(value)) {
    out.push(item);
  }
}


/** A constant numeric predicate `[n]` (the interpreter's fast case). */
export function index(input: unknown, n: number): Seq {
  const items: Seq = Array.isArray(input) ? (input as Seq) : createSequence(input);
  let i = Math.floor(n);
  if (i < 0) i = items.length + i;
  const item = items[i];
  if (item === undefined) return createSequence();
  if (Array.isArray(item)) return item as Seq;
  return createSequence(item);
}

function isArrayOfNumbers(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => isNumeric(item));
}

/** `*`: the values of all fields, arrays flattened. */
export function wildcard(input: unknown): Seq {
  let results: unknown = createSequence();
  let target = input;
  if (Array.isArray(target) && (target as Seq).outerWrapper && target.length > 0) target = target[0];
  if (target !== null && typeof target === 'object' && !isFunction(target)) {
    for (const key of Object.keys(target)) {
      const value = (target as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        results = append(results, flattenDeep(value));
      } else {
        (results as unknown[]).push(value);
      }
    }
  }
  return results as Seq;
}

/** `**`: every descendant value. */
export function descendants(input: unknown): unknown {
  if (input === undefined) return undefined;
  const results = createSequence();
  recurseDescendants(input, results);
  return results.length === 1 ? results[0] : results;
}

function recurseDescendants(input: unknown, results: unknown[]): void {
  if (!Array.isArray(input)) results.push(input);
  if (Array.isArray(input)) {
    for (const member of input) recurseDescendants(member, results);
  } else if (input !== null && typeof input === 'object' && !isFunction(input)) {
    for (const key of Object.keys(input)) recurseDescendants((input as Record<string, unknown>)[key], results);
  }
}
