import { apply } from './call-runtime.js';
import type { EvalState } from './eval-state.js';
import { jsonataError } from './jsonata-error.js';
import { isNumeric } from './operators-runtime.js';

/** `swap(a, b)` is true when b must come before a (the interpreter's comparator convention). */
export type Swap = (a: unknown, b: unknown) => boolean;

/**
 * The interpreter's stable merge sort, same split points and same comparisons in the same order, so that
 * even an inconsistent user comparator gives the interpreter's answer.
 */
export function mergeSort(items: unknown[], swap: Swap): unknown[] {
  if (items.length <= 1) return items;
  const middle = Math.floor(items.length / 2);
  const left = mergeSort(items.slice(0, middle), swap);
  const right = mergeSort(items.slice(middle), swap);
  const merged: unknown[] = [];
  let l = 0;
  let r = 0;
  while (l < left.length && r < right.length) {
    if (swap(left[l], right[r])) merged.push(right[r++]);
    else merged.push(left[l++]);
  }
  while (l < left.length) merged.push(left[l++]);
  while (r < right.length) merged.push(right[r++]);
  return merged;
}

function allNumbers(items: unknown[]): boolean {
  return items.every((item) => isNumeric(item));
}

/** `$sort(array, comparator?)` */
export function sortNative(st: EvalState, [arr, comparator]: unknown[]): unknown {
  if (arr === undefined) return undefined;
  const items = arr as unknown[];
  if (items.length <= 1) return items;
  if (comparator === undefined) {
    if (!allNumbers(items) && !items.every((item) => typeof item === 'string')) {
      throw jsonataError('D3070', { index: 1 });
    }
    return mergeSort(items, (a, b) => (a as number) > (b as number));
  }
  // JS truthiness, not JSONata's: the interpreter tests the awaited comparator result with `if`.
  return mergeSort(items, (a, b) => Boolean(apply(st, comparator, [a, b], null)));
}

/** One `^(...)` term: a key function and its direction. */
export interface SortTerm {
  key: (item: unknown) => unknown;
  descending: boolean;
}

/** The order-by step `^(terms)`, with the interpreter's type rules (T2007, T2008). */
export function orderBy(input: unknown[], terms: SortTerm[]): unknown[] {
  return mergeSort(input, (a, b) => {
    let comp = 0;
    for (let index = 0; comp === 0 && index < terms.length; index++) {
      const term = terms[index] as SortTerm;
      const aa = term.key(a);
      const bb = term.key(b);
      const atype = typeof aa;
      const btype = typeof bb;
      if (atype === 'undefined') {
        comp = btype === 'undefined' ? 0 : 1;
        continue;
      }
      if (btype === 'undefined') {
        comp = -1;
        continue;
      }
      if (!(atype === 'string' || atype === 'number') || !(btype === 'string' || btype === 'number')) {
        throw jsonataError('T2008', { value: !(atype === 'string' || atype === 'number') ? aa : bb });
      }
      if (atype !== btype) throw jsonataError('T2007', { value: aa, value2: bb });
      if (aa === bb) continue;
      comp = (aa as number) < (bb as number) ? -1 : 1;
      if (term.descending) comp = -comp;
    }
    return comp === 1;
  });
}
