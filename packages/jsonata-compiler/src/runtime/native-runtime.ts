import { nativeFunctions, type NativeFunction } from '../native-functions.js';
import { syncNatives, type SyncNative } from './call-runtime.js';
import { focusOf, type EvalState } from './eval-state.js';
import { annotate, type CallSite } from './jsonata-error.js';
import { eachNative, filterNative, mapNative, reduceNative, siftNative, singleNative } from './higher-order-natives.js';
import { sortNative } from './sort-runtime.js';
import { containsNative, matchNative, replaceNative, splitNative } from './string-natives.js';

function native(name: string): NativeFunction {
  // a stand-in keeps this module loadable when capture failed; compileJsonata then compiles nothing
  return nativeFunctions.get(name) ?? { _jsonata_function: true, implementation: () => undefined };
}

const fromMillisImpl = native('fromMillis').implementation;

const nowNative: SyncNative = (st, [picture, timezone]) =>
  fromMillisImpl.call(focusOf(st), st.timestamp.getTime(), picture, timezone);
const millisNative: SyncNative = (st) => st.timestamp.getTime();

const replacements: Record<string, SyncNative> = {
  map: mapNative,
  filter: filterNative,
  single: singleNative,
  reduce: reduceNative,
  each: eachNative,
  sift: siftNative,
  sort: sortNative,
  contains: containsNative,
  split: splitNative,
  match: matchNative,
  replace: replaceNative,
  now: nowNative,
  millis: millisNative,
};
for (const [name, impl] of Object.entries(replacements)) syncNatives.set(native(name), impl);

/** Built-ins the compiled code may reference: all but `$eval` (needs the interpreter) and `$clone`. */
export const compilableNatives: ReadonlySet<string> = new Set(
  [...nativeFunctions.keys()].filter((name) => name !== 'eval' && name !== 'clone'),
);

/** The built-in definition for a name, for generated code (`K` constants). */
export function nativeDefinition(name: string): NativeFunction {
  return native(name);
}

const stringImpl = native('string').implementation;

/** `fn.string` as used by `&`: JSON for structures, 15 significant digits for numbers. */
export function stringOf(value: unknown): string {
  return stringImpl(value) as string;
}

/** `&` */
export function concat(lhs: unknown, rhs: unknown): string {
  const l = lhs === undefined ? '' : typeof lhs === 'string' ? lhs : stringOf(lhs);
  const r = rhs === undefined ? '' : typeof rhs === 'string' ? rhs : stringOf(rhs);
  return l + r;
}

const isCallable = (f: unknown): boolean => typeof f === 'function';

/**
 * Argument shapes for which a higher-order built-in's signature validation changes nothing (an array and
 * a compiled lambda), so it can be skipped.
 */
const trustedShapes = new Map<NativeFunction, (args: unknown[]) => boolean>([
  [native('map'), (a) => a.length === 2 && Array.isArray(a[0]) && isCallable(a[1])],
  [native('filter'), (a) => a.length === 2 && Array.isArray(a[0]) && isCallable(a[1])],
  [native('reduce'), (a) => (a.length === 2 || a.length === 3) && Array.isArray(a[0]) && isCallable(a[1]) && a[2] !== undefined && !isCallable(a[2])],
  [native('sort'), (a) => a.length === 2 && Array.isArray(a[0]) && isCallable(a[1])],
]);

/** Applies a built-in directly (validation, then the sync port or the interpreter's implementation). */
export function callNative(st: EvalState, def: NativeFunction, args: unknown[], context: unknown, at?: CallSite): unknown {
  try {
    const trusted = trustedShapes.get(def);
    const skip = trusted !== undefined && trusted(args);
    const validated = skip || def.signature === undefined ? args : def.signature.validate(args, context);
    const sync = syncNatives.get(def);
    if (sync !== undefined) return sync(st, validated, context);
    const focus = focusOf(st);
    focus.input = context;
    return def.implementation.apply(focus, validated);
  } catch (err) {
    throw annotate(err, at);
  }
}
