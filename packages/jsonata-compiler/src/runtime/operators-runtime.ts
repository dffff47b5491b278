import { checkTime, isFunction } from './call-runtime.js';
import type { EvalState } from './eval-state.js';
import { jsonataError } from './jsonata-error.js';
import type { Seq } from './sequence.js';

/** The interpreter's `isNumeric`: a non-NaN number; infinities are an error (D1001). */
export function isNumeric(n: unknown): n is number {
  if (typeof n !== 'number') return false;
  if (Number.isNaN(n)) return false;
  if (!Number.isFinite(n)) throw jsonataError('D1001', { value: n });
  return true;
}

/** JSONata's effective boolean value (`$boolean`); undefined stays undefined. */
export function booleanOf(arg: unknown): boolean | undefined {
  if (arg === undefined) return undefined;
  if (Array.isArray(arg)) {
    if (arg.length === 1) return booleanOf(arg[0]);
    if (arg.length > 1) return arg.some((value) => booleanOf(value));
    return false;
  }
  if (typeof arg === 'string') return arg.length > 0;
  if (typeof arg === 'boolean') return arg;
  if (isNumeric(arg)) return arg !== 0;
  if (arg !== null && typeof arg === 'object' && !isFunction(arg)) return Object.keys(arg).length > 0;
  return false;
}

/** `and`/`or` operands: undefined counts as false. */
export function truthy(arg: unknown): boolean {
  return booleanOf(arg) === true;
}

/** `+ - * / %` with the interpreter's type errors (T2001 left, T2002 right). */
export function arith(op: string, lhs: unknown, rhs: unknown, position?: number): number | undefined {
  if (lhs !== undefined && !isNumeric(lhs)) throw jsonataError('T2001', { value: lhs, token: op, position });
  if (rhs !== undefined && !isNumeric(rhs)) throw jsonataError('T2002', { value: rhs, token: op, position });
  if (lhs === undefined || rhs === undefined) return undefined;
  switch (op) {
    case '+': return lhs + rhs;
    case '-': return lhs - rhs;
    case '*': return lhs * rhs;
    case '/': return lhs / rhs;
    default: return lhs % rhs;
  }
}

/** Unary minus (D1002 on non-numbers). */
export function negate(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (isNumeric(value)) return -value;
  throw jsonataError('D1002', { value, token: '-' });
}

/** The interpreter's `isDeepEqual`. */
export function deepEqual(lhs: unknown, rhs: unknown): boolean {
  if (lhs === rhs) return true;
  if (typeof lhs !== 'object' || typeof rhs !== 'object' || lhs === null || rhs === null) return false;
  if (Array.isArray(lhs) && Array.isArray(rhs)) {
    if (lhs.length !== rhs.length) return false;
    for (let i = 0; i < lhs.length; i++) if (!deepEqual(lhs[i], rhs[i])) return false;
    return true;
  }
  const lkeys = Object.getOwnPropertyNames(lhs).sort();
  const rkeys = Object.getOwnPropertyNames(rhs).sort();
  if (lkeys.length !== rkeys.length) return false;
  for (let i = 0; i < lkeys.length; i++) if (lkeys[i] !== rkeys[i]) return false;
  for (const key of lkeys) {
    if (!deepEqual((lhs as Record<string, unknown>)[key], (rhs as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** `=` */
export function eq(lhs: unknown, rhs: unknown): boolean {
  if (lhs === undefined || rhs === undefined) return false;
  return deepEqual(lhs, rhs);
}

/** `!=` */
export function ne(lhs: unknown, rhs: unknown): boolean {
  if (lhs === undefined || rhs === undefined) return false;
  return !deepEqual(lhs, rhs);
}

/** `< <= > >=` on numbers or strings of the same type (T2009, T2010). */
export function compare(op: string, lhs: unknown, rhs: unknown, position?: number): boolean | undefined {
  const ltype = typeof lhs;
  const rtype = typeof rhs;
  const lok = ltype === 'undefined' || ltype === 'string' || ltype === 'number';
  const rok = rtype === 'undefined' || rtype === 'string' || rtype === 'number';
  if (!lok || !rok) {
    throw jsonataError('T2010', { value: !(ltype === 'string' || ltype === 'number') ? lhs : rhs, token: op, position });
  }
  if (ltype === 'undefined' || rtype === 'undefined') return undefined;
  if (ltype !== rtype) throw jsonataError('T2009', { value: lhs, value2: rhs, token: op, position });
  const a = lhs as number;
  const b = rhs as number;
  switch (op) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    default: return a >= b;
  }
}

/** `in` */
export function includes(lhs: unknown, rhs: unknown): boolean {
  if (lhs === undefined || rhs === undefined) return false;
  const list = Array.isArray(rhs) ? rhs : [rhs];
  for (const item of list) if (item === lhs) return true;
  return false;
}

/** `..` builds a sequence of integers (T2003, T2004, D2014 above 1e7 items, D2015 above `maxSequence`). */
export function range(st: EvalState, lhs: unknown, rhs: unknown): Seq | undefined {
  if (lhs !== undefined && !Number.isInteger(lhs)) throw jsonataError('T2003', { value: lhs, token: '..' });
  if (rhs !== undefined && !Number.isInteger(rhs)) throw jsonataError('T2004', { value: rhs, token: '..' });
  if (lhs === undefined || rhs === undefined) return undefined;
  const from = lhs as number;
  const to = rhs as number;
  if (from > to) return undefined;
  const size = to - from + 1;
  if (size > 1e7) throw jsonataError('D2014', { value: size, token: '..' });
  if (size > st.maxSequence) throw jsonataError('D2015', { value: size, token: '..' });
  // a large allocation is work the loop counters do not see: check the clock (nested ranges must time out)
  if (size > 1000) checkTime(st);
  const result: Seq = new Array<unknown>(size);
  for (let item = from, index = 0; item <= to; item++, index++) result[index] = item;
  result.sequence = true;
  return result;
}
