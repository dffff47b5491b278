import type { EvalState } from './eval-state.js';
import { jsonataError } from './jsonata-error.js';
import { createSequence, pushAll } from './sequence.js';

/** One `key: value` pair of an object constructor, compiled to two functions of the context. */
export interface GroupPair {
  /** `st` is the evaluation's state, for pairs made once at the program's top level. */
  key: (item: unknown, st: EvalState) => unknown;
  value: (context: unknown, st: EvalState) => unknown;
}

export interface GroupEntry {
  data: unknown;
  /** From a group's second item on: its items so far, as repeated `append`s would make them (a plain array). */
  list: unknown[] | undefined;
  exprIndex: number;
}

/**
 * `existing.data = append(existing.data, item)` without a new array per item: concat spliced arrays and
 * dropped flags, so one plain array, arrays among the items spliced in, is built once and pushed to.
 */
export function appendToGroup(entry: GroupEntry, item: unknown): void {
  if (item === undefined) return;
  if (entry.list !== undefined) {
    if (Array.isArray(item)) pushAll(entry.list, item);
    else entry.list.push(item);
  } else if (entry.data === undefined) {
    entry.data = item;
  } else {
    const list = Array.isArray(entry.data) ? (entry.data as unknown[]).slice() : [entry.data];
    if (Array.isArray(item)) pushAll(list, item);
    else list.push(item);
    entry.list = list;
  }
}

/**
 * An object constructor / group-by (`evaluateGroupExpression`): items are grouped by each pair's key,
 * then the pair's value is evaluated once per group with the grouped items as context.
 */
export function group(st: EvalState, input: unknown, pairs: GroupPair[]): Record<string, unknown> {
  // an empty input still yields one (literal) object; unlike the interpreter, do not push into the caller's array
  const items: unknown[] = Array.isArray(input) ? (input.length === 0 ? [undefined] : input) : createSequence(input);
  return groupReduce(st, items, pairs);
}

/** The grouping itself, over items as given (a tuple stream is grouped this way, even when empty). */
export function groupReduce(st: EvalState, items: unknown[], pairs: GroupPair[]): Record<string, unknown> {
  const result = Object.create(null) as Record<string, unknown>;
  const groups = Object.create(null) as Record<string, GroupEntry>;
  for (const item of items) {
    for (let pairIndex = 0; pairIndex < pairs.length; pairIndex++) {
      const key = (pairs[pairIndex] as GroupPair).key(item, st);
      if (typeof key !== 'string' && key !== undefined) throw jsonataError('T1003', { value: key });
      if (key === undefined) continue;
      if (key === '_jsonata_lambda' || key === '_jsonata_function') throw jsonataError('D1013', { value: key });
      const existing = groups[key];
      if (existing !== undefined) {
        if (existing.exprIndex !== pairIndex) throw jsonataError('D1009', { value: key });
        appendToGroup(existing, item);
      } else {
        groups[key] = { data: item, list: undefined, exprIndex: pairIndex };
      }
    }
  }
  for (const key of Object.keys(groups)) {
    const entry = groups[key] as GroupEntry;
    const value = (pairs[entry.exprIndex] as GroupPair).value(entry.list ?? entry.data, st);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/**
 * The context a literal-keyed object constructor evaluates its values in: the item itself, or all the
 * items appended together (what grouping by a constant key produces).
 */
export function groupContext(input: unknown): unknown {
  if (!Array.isArray(input)) return input;
  if (input.length === 0) return undefined;
  if (input.length === 1) return input[0];
  // concat(...input) without spreading the items into arguments: arrays among them spliced in
  const out: unknown[] = [];
  for (let i = 0; i < input.length; i++) {
    const item: unknown = input[i];
    if (Array.isArray(item)) pushAll(out, item);
    else out.push(item);
  }
  return out;
}

/**
 * `group` over a normalised name-path result: a constructed (cons) array there was one item of the
 * un-normalised sequence, so it is grouped as one item.
 */
export function groupItems(st: EvalState, input: unknown, pairs: GroupPair[]): Record<string, unknown> {
  const items = Array.isArray(input) && (input as { cons?: boolean }).cons ? [input] : input;
  return group(st, items, pairs);
}

/**
 * The items an inlined single-pair group-by iterates (as `group` / `groupItems` make them): an empty
 * array is one undefined item, a non-array one item, and (for a name path's result) a cons array one item.
 */
export function groupInput(input: unknown, consIsOneItem: boolean): unknown[] {
  const value = consIsOneItem && Array.isArray(input) && (input as { cons?: boolean }).cons ? [input] : input;
  return Array.isArray(value) ? (value.length === 0 ? [undefined] : value) : createSequence(value);
}

/** A group-by key that is neither a string nor undefined (T1003), or a reserved one (D1013). */
export function groupKeyError(key: unknown): never {
  if (typeof key !== 'string') throw jsonataError('T1003', { value: key });
  throw jsonataError('D1013', { value: key });
}

/** A literal-keyed object constructor's object when some values are undefined: those fields left out. */
export function objectOf(keys: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // the keys are distinct literals, never `__proto__` (the generator sends that key to the general path)
  for (let i = 0; i < keys.length; i++) if (values[i] !== undefined) out[keys[i] as string] = values[i];
  return out;
}
