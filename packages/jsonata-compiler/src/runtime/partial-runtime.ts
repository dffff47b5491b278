import type { NativeFunction } from '../native-functions.js';
import { isFunction, lambda, syncNatives, type CompiledLambda } from './call-runtime.js';
import { focusOf, type EvalState } from './eval-state.js';
import { jsonataError } from './jsonata-error.js';

/** The `?` of a partial application, as an argument value. */
export const PLACEHOLDER: unique symbol = Symbol('jsonata.partial.placeholder');

function isNative(value: unknown): value is NativeFunction {
  return typeof value === 'object' && value !== null && (value as { _jsonata_function?: unknown })._jsonata_function === true;
}

/** How many parameters the interpreter sees on a native: it parses the implementation's source text. */
function nativeParameterCount(impl: (...args: unknown[]) => unknown): number {
  const match = /\(([^)]*)\)/.exec(impl.toString());
  return match === null ? 0 : (match[1] as string).split(',').length;
}

function withArity(fn: CompiledLambda, arity: number): CompiledLambda {
  Object.defineProperty(fn, 'length', { value: arity });
  return fn;
}

/**
 * `f(a, ?, c)` (`evaluatePartialApplication`): a function of the `?` parameters. Like the interpreter, the
 * result has no signature and calls its target without validating arguments.
 */
export function partial(st: EvalState, proc: unknown, args: unknown[], name: string, variableExists: boolean): CompiledLambda {
  if (proc === undefined && variableExists) throw jsonataError('T1007', { token: name });
  let count: number;
  let call: (full: unknown[]) => unknown;
  if (typeof proc === 'function') {
    const target = proc as CompiledLambda;
    count = target.length;
    call = (full) => target(...full);
  } else if (isNative(proc)) {
    count = nativeParameterCount(proc.implementation);
    const sync = syncNatives.get(proc);
    call = sync !== undefined ? (full) => sync(st, full, undefined) : (full) => proc.implementation.apply(focusOf(st), full);
  } else {
    throw jsonataError('T1008', { token: name, value: isFunction(proc) ? undefined : proc });
  }
  const unbound: number[] = [];
  for (let i = 0; i < count; i++) if (args[i] === PLACEHOLDER) unbound.push(i);
  const fn = (...values: unknown[]): unknown => {
    const full: unknown[] = [];
    for (let i = 0; i < count; i++) full.push(args[i] === PLACEHOLDER ? values[unbound.indexOf(i)] : args[i]);
    return call(full);
  };
  return lambda(withArity(fn, unbound.length), undefined);
}
