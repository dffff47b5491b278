import type { EvalState } from './eval-state.js';
import { groupReduce, type GroupPair } from './group-runtime.js';
import { filterPush } from './path-runtime.js';
import { append, createSequence, type Seq } from './sequence.js';
import { orderBy, type SortTerm } from './sort-runtime.js';

/** One item of a tuple stream: its context `@` and the names bound so far (null prototype: any name is safe). */
export type Tuple = Record<string, unknown>;

function tuple(from?: Tuple): Tuple {
  const t = Object.create(null) as Tuple;
  return from === undefined ? t : Object.assign(t, from);
}

/** Starts a tuple stream from a sequence. */
export function toTuples(seq: Seq): Tuple[] {
  return seq.map((item) => {
    const t = tuple();
    t['@'] = item;
    return t;
  });
}

/**
 * One step over a tuple stream (`evaluateTupleStep`): each result item makes a tuple; with a focus the
 * item is bound to that name and the context stays; with an index its position is bound.
 */
export function tupleStep(
  tuples: Tuple[],
  step: (t: Tuple) => unknown,
  focus: string | undefined,
  index: string | undefined,
  ancestor?: string,
): Tuple[] {
  const out: Tuple[] = [];
  for (const t of tuples) {
    const res = step(t);
    if (res === undefined) continue;
    const items = Array.isArray(res) ? res : [res];
    for (let b = 0; b < items.length; b++) {
      const next = tuple(t);
      if (focus !== undefined) {
        next[focus] = items[b];
        next['@'] = t['@'];
      } else {
        next['@'] = items[b];
      }
      if (index !== undefined) next[index] = b;
      if (ancestor !== undefined) next[ancestor] = t['@'];
      out.push(next);
    }
  }
  return out;
}

/** A predicate over a tuple stream (`evaluateFilter` on tuples): numbers select positions. */
export function filterTuples(tuples: Tuple[], predicate: (t: Tuple) => unknown): Tuple[] {
  const out: Tuple[] = [];
  for (let i = 0; i < tuples.length; i++) {
    const res = predicate(tuples[i] as Tuple);
    if (res === true) out.push(tuples[i] as Tuple);
    else if (res !== false) filterPush(out, res, tuples[i], i, tuples.length);
  }
  return out;
}

/** `#$i` after a predicate: binds each tuple's position in the stream. */
export function indexTuples(tuples: Tuple[], name: string): Tuple[] {
  tuples.forEach((t, i) => {
    t[name] = i;
  });
  return tuples;
}

/** Ends a tuple stream: the sequence of contexts. */
export function fromTuples(tuples: Tuple[]): Seq {
  const seq = createSequence();
  for (const t of tuples) seq.push(t['@']);
  return seq;
}

/** An order-by that starts a tuple stream: sort the items, then number them (`tuple[index] = position`). */
export function sortedTuples(seq: Seq, terms: SortTerm[], index: string): Tuple[] {
  return orderBy(seq, terms).map((item, position) => {
    const t = tuple();
    t['@'] = item;
    t[index] = position;
    return t;
  });
}

/** Merges a group's tuples into one, appending the values of each name (`reduceTupleStream`). */
function reduceTuples(data: unknown): Tuple {
  if (!Array.isArray(data)) return data as Tuple;
  const result = tuple(data[0] as Tuple);
  for (let i = 1; i < data.length; i++) {
    const t = data[i] as Tuple;
    for (const key of Object.keys(t)) result[key] = append(result[key], t[key]);
  }
  return result;
}

/** Group-by over a tuple stream: like `group`, with keys per tuple and values per merged group tuple. */
export function groupTuples(st: EvalState, tuples: Tuple[], pairs: GroupPair[]): Record<string, unknown> {
  const reducing: GroupPair[] = pairs.map((p) => ({ key: p.key, value: (data: unknown, st: EvalState) => p.value(reduceTuples(data), st) }));
  return groupReduce(st, tuples, reducing);
}
