import type { NativeFunction } from '../native-functions.js';
import { apply, TailCall, tick, type CompiledLambda } from './call-runtime.js';
import type { EvalState } from './eval-state.js';
import type { CallSite } from './jsonata-error.js';
import { callNative } from './native-runtime.js';
import { booleanOf } from './operators-runtime.js';
import { createSequence } from './sequence.js';

/** A built-in that can call back into lambdas: publish the call site's depth first. */
export function callNativeAt(st: EvalState, base: number, offset: number, def: NativeFunction, args: unknown[], context: unknown, at?: CallSite): unknown {
  st.depth = base + offset;
  const result = callNative(st, def, args, context, at);
  st.depth = base;
  return result;
}

function settle(st: EvalState, result: unknown): unknown {
  return result instanceof TailCall ? apply(st, result.proc, result.args, null) : result;
}

function callDirect(st: EvalState, fn: CompiledLambda, value: unknown, position: number, whole: unknown[]): unknown {
  // a compiled lambda without a signature: call it with as many arguments as it declares (hofArgs)
  switch (fn.length) {
    case 0:
    case 1:
      return settle(st, fn(value));
    case 2:
      return settle(st, fn(value, position));
    default:
      return settle(st, fn(value, position, whole));
  }
}

function isDirect(fn: unknown): fn is CompiledLambda {
  return typeof fn === 'function' && (fn as CompiledLambda).signature === undefined;
}

/**
 * `$map(array, lambda)` and `$filter(array, lambda)` when the arguments need no validation (an array
 * and a compiled lambda without signature): a plain loop calling the lambda directly. Anything else goes
 * through the built-in with full validation.
 */
export function mapOrFilterDirect(st: EvalState, base: number, offset: number, def: NativeFunction, isMap: boolean, arr: unknown, fn: unknown, context: unknown, at?: CallSite): unknown {
  if (!Array.isArray(arr) || !isDirect(fn)) return callNativeAt(st, base, offset, def, [arr, fn], context, at);
  st.depth = base + offset;
  const result = createSequence();
  for (let i = 0; i < arr.length; i++) {
    tick(st);
    const res = callDirect(st, fn, arr[i], i, arr);
    if (isMap) {
      if (res !== undefined) result.push(res);
    } else if (booleanOf(res)) {
      result.push(arr[i]);
    }
  }
  st.depth = base;
  return result;
}
