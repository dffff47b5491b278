/** An array carrying the flags the jsonata interpreter attaches to its result sequences. */
export type Seq = unknown[] & {
  sequence?: boolean;
  keepSingleton?: boolean;
  cons?: boolean;
  outerWrapper?: boolean;
  tupleStream?: boolean;
};

/** Creates an interpreter-style sequence, optionally holding one first item. */
export function createSequence(...items: unknown[]): Seq {
  const seq: Seq = [];
  seq.sequence = true;
  if (items.length === 1) seq.push(items[0]);
  return seq;
}

/** An empty sequence (`createSequence()` without its argument handling). */
export function emptySequence(): Seq {
  const seq: Seq = [];
  seq.sequence = true;
  return seq;
}

/** A sequence of one item. */
export function sequenceOf(item: unknown): Seq {
  const seq: Seq = [item];
  seq.sequence = true;
  return seq;
}

/** A sequence of the items of a JSON array (a copy: the input is never flagged or changed). */
export function sequenceFrom(items: readonly unknown[]): Seq {
  const seq: Seq = items.slice();
  seq.sequence = true;
  return seq;
}

/** Appends the items of `items` to `target` (an array constructor splicing an array in place). */
export function pushAll(target: unknown[], items: readonly unknown[]): unknown[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
  return target;
}

/** True for arrays flagged as sequences (as opposed to JSON arrays from the data). */
export function isSequence(value: unknown): value is Seq {
  return Array.isArray(value) && (value as Seq).sequence === true;
}

/**
 * What the interpreter does to every node result on the way out of `evaluate`: empty sequences become
 * undefined, singleton sequences are unwrapped unless marked keep-singleton.
 */
export function norm(value: unknown): unknown {
  if (Array.isArray(value) && (value as Seq).sequence === true && !(value as Seq).tupleStream) {
    if (value.length === 0) return undefined;
    if (value.length === 1 && !(value as Seq).keepSingleton) return value[0];
  }
  return value;
}

/** `norm` for a node carrying the keep-array flag (`expr[]`). */
export function normKeep(value: unknown): unknown {
  if (Array.isArray(value) && (value as Seq).sequence === true && !(value as Seq).tupleStream) {
    (value as Seq).keepSingleton = true;
    if (value.length === 0) return undefined;
  }
  return value;
}

/** The interpreter's `fn.append` (concatenation of two values into one array). */
export function append(a: unknown, b: unknown): unknown {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const left = Array.isArray(a) ? a : createSequence(a);
  return left.concat(Array.isArray(b) ? b : [b]);
}

/** Marks an array built by an array constructor, so later path steps do not flatten it. */
export function markCons(arr: unknown[]): unknown[] {
  Object.defineProperty(arr, 'cons', { enumerable: false, configurable: false, value: true });
  return arr;
}

/** Deep-flattens nested arrays into `into` (used by the wildcard). */
export function flattenDeep(arg: unknown, into: unknown[] = []): unknown[] {
  if (Array.isArray(arg)) {
    for (const item of arg) flattenDeep(item, into);
  } else {
    into.push(arg);
  }
  return into;
}
