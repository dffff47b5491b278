import type { NativeFunction, NativeSignature } from '../native-functions.js';
import { focusOf, type EvalState } from './eval-state.js';
import { annotate, jsonataError, type CallSite } from './jsonata-error.js';

/** A compiled JSONata lambda: a plain JS function, optionally carrying its declared signature. */
export type CompiledLambda = ((...args: unknown[]) => unknown) & { signature?: NativeSignature };

/** A synchronous replacement for an interpreter built-in that is async or calls back into lambdas. */
export type SyncNative = (st: EvalState, args: unknown[], context: unknown) => unknown;

/** A pending tail call, returned by a lambda body instead of recursing (the interpreter's thunks). */
export class TailCall {
  constructor(
    readonly proc: unknown,
    readonly args: unknown[],
    readonly context: unknown,
  ) {}
}

/** Sync replacements keyed by the interpreter's definition objects; filled in by the builtins module. */
export const syncNatives = new Map<NativeFunction, SyncNative>();

/** The interpreter's `isFunction`: lambdas, built-ins and host functions. */
export function isFunction(value: unknown): boolean {
  return (
    typeof value === 'function' ||
    (typeof value === 'object' && value !== null &&
      ((value as { _jsonata_function?: unknown })._jsonata_function === true ||
        (value as { _jsonata_lambda?: unknown })._jsonata_lambda === true))
  );
}

/** The interpreter's `getFunctionArity`, used by the higher-order functions to decide what to pass. */
export function arityOf(func: unknown): number {
  if (typeof func === 'function') return func.length;
  const impl = (func as { implementation?: unknown }).implementation;
  return typeof impl === 'function' ? impl.length : 0;
}

function isNative(value: unknown): value is NativeFunction {
  return typeof value === 'object' && value !== null && (value as { _jsonata_function?: unknown })._jsonata_function === true;
}

function applyOnce(st: EvalState, proc: unknown, args: unknown[], context: unknown): unknown {
  if (typeof proc === 'function') {
    const lambda = proc as CompiledLambda;
    const validated = lambda.signature === undefined ? args : lambda.signature.validate(args, context);
    return lambda(...validated);
  }
  if (isNative(proc)) {
    const validated = proc.signature === undefined ? args : proc.signature.validate(args, context);
    const sync = syncNatives.get(proc);
    if (sync !== undefined) return sync(st, validated, context);
    const focus = focusOf(st);
    focus.input = context;
    return proc.implementation.apply(focus, validated);
  }
  throw jsonataError('T1006');
}

/** Applies any function value, running tail calls in a loop so that tail recursion needs no stack. */
export function apply(st: EvalState, proc: unknown, args: unknown[], context: unknown): unknown {
  let result = applyOnce(st, proc, args, context);
  while (result instanceof TailCall) {
    // tail recursion never deepens the stack, so only the clock can stop a runaway loop
    if ((++st.ticks & 255) === 0) checkTime(st);
    result = applyOnce(st, result.proc, result.args, context);
  }
  return result;
}

/**
 * A call site at emulated depth `base + offset`: enforces the depth and time box, then applies.
 * Depth is counted like the interpreter counts nested `evaluate` frames, so bounds mean the same on
 * both paths.
 */
export function callAt(st: EvalState, base: number, offset: number, proc: unknown, args: unknown[], context: unknown, at?: CallSite): unknown {
  const depth = base + offset;
  if (depth >= st.maxDepth) throw jsonataError('D1011', { value: st.maxDepth });
  if ((++st.ticks & 63) === 0) checkTime(st);
  st.depth = depth;
  let result: unknown;
  try {
    result = apply(st, proc, args, context);
  } catch (err) {
    throw annotate(err, at);
  }
  st.depth = base;
  return result;
}

/**
 * Throws the interpreter's timeout error once the deadline has passed. Reading the clock costs about as
 * much as a whole small mapping, so the clock starts at the first check (after 64 calls or 4096 loop
 * iterations): evaluations that never get there never read it, and the rest get that little extra time.
 */
export function checkTime(st: EvalState): void {
  const now = Date.now();
  if (st.deadline === 0) st.deadline = now + st.timeoutMs;
  else if (now > st.deadline) throw jsonataError('D1012', { value: st.timeoutMs });
}

/** Counts loop iterations and checks the clock now and then (loops can be long without any call). */
export function tick(st: EvalState): void {
  if ((++st.ticks & 4095) === 0) checkTime(st);
}

/**
 * Counts a loop's iterations up front, checking the clock once they add up to 4096: per item, a loop
 * body without calls or loops of its own (which count themselves) is a bounded, small amount of work.
 */
export function tickLoop(st: EvalState, iterations: number): void {
  if ((st.work += iterations) >= 4096) {
    st.work = 0;
    checkTime(st);
  }
}

/** Tags a generated function as a lambda with an optional declared signature. */
export function lambda(fn: CompiledLambda, signature: NativeSignature | undefined): CompiledLambda {
  if (signature !== undefined) fn.signature = signature;
  return fn;
}
