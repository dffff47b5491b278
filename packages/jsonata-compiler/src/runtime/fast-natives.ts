import type { NativeFunction } from '../native-functions.js';
import { focusOf, type EvalState } from './eval-state.js';
import type { CallSite } from './jsonata-error.js';
import { callNative } from './native-runtime.js';

// Shortcuts for the built-ins mappings call most. Each applies only when the arguments already have the
// exact types the signature asks for — then signature validation is a no-op and the interpreter's own
// implementation (or an equivalent one-liner) runs directly; anything else takes the full path.

type Fast = (st: EvalState, def: NativeFunction, args: unknown[], context: unknown, at?: CallSite) => unknown;

function allFiniteNumbers(arr: unknown): arr is number[] {
  if (!Array.isArray(arr)) return false;
  for (let i = 0; i < arr.length; i++) {
    const v: unknown = arr[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  }
  return true;
}

const oneString = (op: (s: string) => unknown): Fast => (st, def, args, context, at) => {
  const s = args[0];
  return args.length === 1 && typeof s === 'string' ? op(s) : callNative(st, def, args, context, at);
};

const direct = (accept: (args: unknown[]) => boolean): Fast => (st, def, args, context, at) =>
  accept(args) ? def.implementation.apply(focusOf(st), args) : callNative(st, def, args, context, at);

function finiteNumbers(args: unknown[], from: number): boolean {
  for (let i = from; i < args.length; i++) {
    const a = args[i];
    if (typeof a !== 'number' || !Number.isFinite(a)) return false;
  }
  return true;
}

const numbersOnly = (min: number, max: number) => (args: unknown[]): boolean =>
  args.length >= min && args.length <= max && finiteNumbers(args, 0);

const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/**
 * A decimal tie (x is the double nearest to t.5 / 10^d): x then prints as that decimal of at most 15
 * significant digits (under 1e5, d ≤ 9), which the interpreter shifts back to t.5 exactly and rounds half
 * to even. Undefined when x is no exact tie (the interpreter's text round trip decides).
 */
function roundTie(x: number, y: number, power: number, digits: number): number | undefined {
  if (digits > 9) return undefined;
  const t = Math.trunc(y);
  const sign = x < 0 ? -1 : 1;
  if ((t + sign * 0.5) / power !== x) return undefined;
  const result = (t % 2 === 0 ? t : t + sign) / power;
  return result === 0 ? 0 : result;
}

/**
 * The interpreter's `$round` (jsonata 2.2.2) for a number and an integer precision, line for line: the
 * decimal point shifted in the number's text, half to even, shifted back the same way; no -0.
 */
function roundByText(x: number, digits: number): number {
  let shifted = x;
  if (digits !== 0) {
    const [mantissa, exponent] = x.toString().split('e');
    shifted = Number(`${mantissa ?? ''}e${exponent ? Number(exponent) + digits : digits}`);
  }
  let result = Math.round(shifted);
  if (Math.abs(result - shifted) === 0.5 && Math.abs(result % 2) === 1) result -= 1;
  if (digits !== 0) {
    const [mantissa, exponent] = result.toString().split('e');
    result = Number(`${mantissa ?? ''}e${exponent ? Number(exponent) - digits : -digits}`);
  }
  return result === 0 ? 0 : result;
}

/**
 * `$round(x, digits)` of a finite number. Without the interpreter's text round trip when that cannot
 * change the outcome: x·10^d lands within a few ulps of the decimal shift the interpreter parses, so clear
 * of a .5 tie both round to the same integer, and integer / 10^d is the correctly rounded quotient, as
 * parsing "ne-d" is. Integers are already rounded. Near a tie, and for x or d out of those ranges, the
 * interpreter's own steps (`roundByText`), without its signature check and call. Undefined for a
 * non-integer precision or a non-finite x (the interpreter's code then runs).
 */
export function roundNumber(x: number, digits: number): number | undefined {
  if (!Number.isInteger(digits) || !Number.isFinite(x)) return undefined;
  if (Number.isInteger(x) && digits >= 0 && Math.abs(x) < 1e15) return x === 0 ? 0 : x;
  const power = POWERS[digits];
  if (power !== undefined && digits > 0 && Math.abs(x) < 1e5 && Math.abs(x) > 1e-5) {
    const y = x * power;
    const frac = Math.abs(y - Math.trunc(y));
    // y and the interpreter's shifted decimal each lie within about an ulp of x's decimal times 10^d: a
    // fraction this far from .5 rounds the same way in both (a fixed 1e-7 was too tight past |y| ≈ 1e8)
    if (Math.abs(frac - 0.5) > Math.max(1e-7, Math.abs(y) * 1e-15)) {
      const result = Math.round(y) / power;
      return result === 0 ? 0 : result;
    }
    const tie = roundTie(x, y, power, digits);
    if (tie !== undefined) return tie;
  }
  return roundByText(x, digits);
}

function roundFast(st: EvalState, def: NativeFunction, args: unknown[], context: unknown, at?: CallSite): unknown {
  const x = args[0];
  const digits = args.length === 2 ? args[1] : 0;
  if ((args.length === 1 || args.length === 2) && typeof x === 'number' && typeof digits === 'number') {
    const rounded = roundNumber(x, digits);
    if (rounded !== undefined) return rounded;
  }
  return callNative(st, def, args, context, at);
}

/**
 * `$max`/`$min`/`$average` of finite numbers without the signature check and `apply`: a lone number is the
 * one-item array the signature would make of it, an empty array has no aggregate (undefined), as in jsonata.
 */
const numericAggregate = (op: (arr: number[]) => number, totals = false): Fast => (st, def, args, context, at) => {
  const arr = args[0];
  if (args.length === 1) {
    // a running total from 0 (average) turns -0 into 0
    if (typeof arr === 'number' && Number.isFinite(arr)) return totals ? arr + 0 : arr;
    if (allFiniteNumbers(arr)) return arr.length === 0 ? undefined : op(arr);
  }
  return callNative(st, def, args, context, at);
};

/** Built-in name → shortcut. */
export const fastNatives: Readonly<Record<string, Fast>> = {
  uppercase: oneString((s) => s.toUpperCase()),
  lowercase: oneString((s) => s.toLowerCase()),
  length: direct((a) => a.length === 1 && typeof a[0] === 'string'),
  trim: direct((a) => a.length === 1 && typeof a[0] === 'string'),
  string: (st, def, args, context, at) => {
    const a = args[0];
    if (args.length === 1 && typeof a === 'string') return a;
    if (args.length === 1 && typeof a === 'number' && Number.isInteger(a)) return String(a);
    return callNative(st, def, args, context, at);
  },
  round: roundFast,
  abs: direct(numbersOnly(1, 1)),
  floor: direct(numbersOnly(1, 1)),
  ceil: direct(numbersOnly(1, 1)),
  number: direct(numbersOnly(1, 1)),
  sum: (st, def, args, context, at) => {
    const arr = args[0];
    if (args.length === 1 && allFiniteNumbers(arr)) {
      let total = 0;
      for (let i = 0; i < arr.length; i++) total += arr[i] as number;
      return total;
    }
    if (args.length === 1 && typeof arr === 'number' && Number.isFinite(arr)) return arr + 0; // -0 → 0, as 0 + -0
    return callNative(st, def, args, context, at);
  },
  count: (st, def, args, context, at) => {
    const arr = args[0];
    return args.length === 1 && Array.isArray(arr) ? arr.length : callNative(st, def, args, context, at);
  },
  max: numericAggregate((arr) => {
    let best = arr[0] as number;
    for (let i = 1; i < arr.length; i++) best = Math.max(best, arr[i] as number); // Math.max: -0 < 0 as jsonata's
    return best;
  }),
  min: numericAggregate((arr) => {
    let best = arr[0] as number;
    for (let i = 1; i < arr.length; i++) best = Math.min(best, arr[i] as number);
    return best;
  }),
  average: numericAggregate((arr) => {
    let total = 0;
    for (let i = 0; i < arr.length; i++) total += arr[i] as number;
    return total / arr.length;
  }, true),
  exists: (st, def, args, context, at) => (args.length === 1 ? args[0] !== undefined : callNative(st, def, args, context, at)),
  substring: direct((a) => (a.length === 2 || a.length === 3) && typeof a[0] === 'string' && finiteNumbers(a, 1)),
  substringBefore: direct((a) => a.length === 2 && typeof a[0] === 'string' && typeof a[1] === 'string'),
  substringAfter: direct((a) => a.length === 2 && typeof a[0] === 'string' && typeof a[1] === 'string'),
};
