import { apply, callAt, isFunction, lambda, TailCall, tick, tickLoop } from './call-runtime.js';
import type { EvalState } from './eval-state.js';
import { add, div, field, ge, gt, le, lookupNorm, lt, mod, mul, namePath, pathPrefix, sub, varField, varPath } from './fast-paths.js';
import { fastNatives, roundNumber } from './fast-natives.js';
import { appendToGroup, group, groupContext, groupInput, groupItems, groupKeyError, objectOf } from './group-runtime.js';
import { GroupTable, setOwn } from './group-table.js';
import { jsonataError } from './jsonata-error.js';
import { callNative, concat } from './native-runtime.js';
import { callNativeAt, mapOrFilterDirect } from './direct-hofs.js';
import { booleanOf, compare, eq, includes, ne, negate, range, truthy } from './operators-runtime.js';
import { asItems, descendants, filterPush, index, lookup, pathInput, wildcard } from './path-runtime.js';
import { regexMatcher } from './regex-runtime.js';
import { transformer } from './transform-runtime.js';
import { partial, PLACEHOLDER } from './partial-runtime.js';
import { filterTuples, fromTuples, groupTuples, indexTuples, sortedTuples, toTuples, tupleStep } from './tuple-runtime.js';
import { createSequence, emptySequence, isSequence, markCons, norm, normKeep, pushAll, sequenceFrom, sequenceOf, type Seq } from './sequence.js';
import { orderBy } from './sort-runtime.js';

const hasOwn = Object.prototype.hasOwnProperty;

/** What an inlined aggregate loop returns when a value is not a finite number: the general call decides. */
const BAIL: unique symbol = Symbol('bail');

/** No items, for loops that only read them (never handed on, so it can be shared). */
const NO_ITEMS: readonly unknown[] = Object.freeze([]);

/** `$` inside an expression: the context, with the wrapper around an array input removed. */
function contextValue(input: unknown): unknown {
  return Array.isArray(input) && (input as Seq).outerWrapper ? input[0] : input;
}

/** A variable that is neither lexical nor built-in: an own property of the evaluation bindings. */
function binding(st: EvalState, name: string): unknown {
  return hasOwn.call(st.bindings, name) ? st.bindings[name] : undefined;
}

/** `f(x)` where `f` is undefined but `$f` exists: the interpreter's "did you mean $f?" (T1005). */
function orT1005(proc: unknown, variable: unknown, name: string): unknown {
  if (proc === undefined && variable) throw jsonataError('T1005', { token: name });
  return proc;
}

/** `a[]` on a path: a singleton result stays an array. */
function keepSingletonArray(seq: Seq): Seq {
  let result = seq;
  if (Array.isArray(result) && result.cons && !result.sequence) result = createSequence(result);
  result.keepSingleton = true;
  return result;
}


/** `lhs ~> func` (T2006 when func is not a function; composition when lhs is one). */
function applyTo(st: EvalState, base: number, offset: number, lhs: unknown, func: unknown): unknown {
  if (!isFunction(func)) throw jsonataError('T2006', { value: func });
  if (isFunction(lhs)) {
    // the interpreter composes with λ($x){ $g($f($x)) }: both calls are function nodes, so both normalise
    return lambda((x: unknown) => norm(apply(st, func, [norm(apply(st, lhs, [x], null))], null)), undefined);
  }
  return callAt(st, base, offset, func, [lhs], null);
}

/**
 * Everything generated code may use, passed in as its only capability (`rt`). Frozen so that one
 * compiled expression cannot alter what another sees.
 */
export const runtimeTable = Object.freeze({
  TailCall, BAIL, NO_ITEMS, apply, callAt, tick, tickLoop, callNative, callNativeAt, mapOrFilterDirect, lambda, applyTo, orT1005,
  fast: fastNatives, roundNumber, field, namePath, pathPrefix, varPath, varField, lookupNorm, lookup, pathInput, asItems, filterPush, createSequence, isSequence, index, wildcard, descendants, keepSingletonArray,
  group, groupItems, groupContext, groupInput, groupKeyError, objectOf, GroupTable, setOwn, appendToGroup, orderBy, markCons, norm, normKeep, contextValue, binding,
  add, sub, mul, div, mod, lt, le, gt, ge, negate, truthy, booleanOf, eq, ne, compare, concat, range, includes,
  OP: Object.prototype, emptySequence, sequenceOf, sequenceFrom, pushAll,
  regexMatcher, transformer, partial, PLACEHOLDER,
  toTuples, tupleStep, filterTuples, indexTuples, fromTuples, sortedTuples, groupTuples,
});

/** The type of `rt` in generated code. */
export type RuntimeTable = typeof runtimeTable;
