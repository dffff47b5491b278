import { apply, arityOf, tick } from './call-runtime.js';
import type { EvalState } from './eval-state.js';
import { booleanOf } from './operators-runtime.js';
import { jsonataError } from './jsonata-error.js';
import { createSequence } from './sequence.js';

// Synchronous ports of the interpreter's higher-order built-ins (there they are async because they
// await each callback). Arguments arrive already validated against the built-in's signature.

function hofArgs(func: unknown, value: unknown, position: unknown, whole: unknown): unknown[] {
  const arity = arityOf(func);
  if (arity >= 3) return [value, position, whole];
  if (arity >= 2) return [value, position];
  return [value];
}

/** `$map(array, function)` */
export function mapNative(st: EvalState, [arr, func]: unknown[]): unknown {
  if (arr === undefined) return undefined;
  const items = arr as unknown[];
  const result = createSequence();
  for (let i = 0; i < items.length; i++) {
    tick(st);
    const res = apply(st, func, hofArgs(func, items[i], i, items), null);
    if (res !== undefined) result.push(res);
  }
  return result;
}

/** `$filter(array, function)` */
export function filterNative(st: EvalState, [arr, func]: unknown[]): unknown {
  if (arr === undefined) return undefined;
  const items = arr as unknown[];
  const result = createSequence();
  for (let i = 0; i < items.length; i++) {
    tick(st);
    if (booleanOf(apply(st, func, hofArgs(func, items[i], i, items), null))) result.push(items[i]);
  }
  return result;
}

/** `$single(array, function?)` */
export function singleNative(st: EvalState, [arr, func]: unknown[]): unknown {
  if (arr === undefined) return undefined;
  const items = arr as unknown[];
  let found = false;
  let result: unknown;
  for (let i = 0; i < items.length; i++) {
    const ok = func === undefined ? true : booleanOf(apply(st, func, hofArgs(func, items[i], i, items), null));
    if (ok) {
      if (found) throw jsonataError('D3138', { index: i });
      result = items[i];
      found = true;
    }
  }
  if (!found) throw jsonataError('D3139');
  return result;
}

/** `$reduce(array, function, init?)` */
export function reduceNative(st: EvalState, [seq, func, init]: unknown[]): unknown {
  if (seq === undefined) return undefined;
  const items = seq as unknown[];
  const arity = arityOf(func);
  if (arity < 2) throw jsonataError('D3050', { index: 1 });
  let index = 0;
  let result: unknown;
  if (init === undefined && items.length > 0) {
    result = items[0];
    index = 1;
  } else {
    result = init;
  }
  for (; index < items.length; index++) {
    const args = [result, items[index]];
    if (arity >= 3) args.push(index);
    if (arity >= 4) args.push(items);
    tick(st);
    result = apply(st, func, args, null);
  }
  return result;
}

function objectKeys(value: unknown): string[] {
  return typeof value === 'object' && value !== null ? Object.keys(value) : [];
}

/** `$each(object, function)` */
export function eachNative(st: EvalState, [obj, func]: unknown[]): unknown {
  const result = createSequence();
  for (const key of objectKeys(obj)) {
    const value = (obj as Record<string, unknown>)[key];
    const res = apply(st, func, hofArgs(func, value, key, obj), null);
    if (res !== undefined) result.push(res);
  }
  return result;
}

/** `$sift(object, function)` */
export function siftNative(st: EvalState, [obj, func]: unknown[]): unknown {
  const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  let any = false;
  for (const key of objectKeys(obj)) {
    const value = (obj as Record<string, unknown>)[key];
    if (booleanOf(apply(st, func, hofArgs(func, value, key, obj), null))) {
      result[key] = value;
      any = true;
    }
  }
  return any ? result : undefined;
}
