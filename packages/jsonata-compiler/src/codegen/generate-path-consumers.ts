import type { AstNode } from './ast-node.js';
import { deeper, type Emitter, type GenContext } from './emitter.js';
import { callBlock } from './hoist.js';
import { isPlainStep, pathStatements, type LastStepConsumer } from './generate-path.js';
import { isTuplePath } from './generate-tuple-path.js';

/** How each aggregate folds a finite number `r` into `acc` (n is the count before it) and finishes. */
const FOLDS: Record<string, { start: string; fold: (acc: string, r: string, n: string) => string; result: (acc: string, n: string) => string }> = {
  // from 0, in order, as the interpreter's running total (so -0 alone sums to 0)
  sum: { start: '0', fold: (acc, r) => `${acc} += ${r}`, result: (acc) => acc },
  average: { start: '0', fold: (acc, r) => `${acc} += ${r}`, result: (acc, n) => `${acc} / ${n}` },
  // Math.max/min pairwise as Math.max.apply over the array (-0 below 0)
  max: { start: '0', fold: (acc, r, n) => `${acc} = ${n} === 0 ? ${r} : Math.max(${acc}, ${r})`, result: (acc) => acc },
  min: { start: '0', fold: (acc, r, n) => `${acc} = ${n} === 0 ? ${r} : Math.min(${acc}, ${r})`, result: (acc) => acc },
};

/** A path whose last step can be consumed in place: ordinary steps, nothing applied to the whole result. */
export function consumablePath(node: AstNode | undefined): node is AstNode {
  if (node?.type !== 'path' || isTuplePath(node) || node.tuple === true) return false;
  if (node.group !== undefined || node.keepSingletonArray === true || node.keepArray === true || node.predicate !== undefined) return false;
  const steps = node.steps ?? [];
  const last = steps[steps.length - 1];
  return steps.length >= 2 && last !== undefined && last.type !== 'sort' && last.consarray !== true && isPlainStep(last);
}

/** A name (`qty`), or a path of one plain name step, read from the context's items. */
function oneName(node: AstNode | undefined): node is AstNode {
  if (node?.type === 'name') return isPlainStep(node);
  if (node?.type !== 'path' || node.group !== undefined || node.keepSingletonArray === true || node.tuple === true) return false;
  const [step, ...more] = node.steps ?? [];
  return step?.type === 'name' && more.length === 0 && isPlainStep(step) && node.keepArray !== true && node.predicate === undefined;
}

/**
 * `$sum(path)` / `$average` / `$max` / `$min` over a path as one loop folding the last step's values, no
 * sequence built: while every value is a finite number (undefined ones are skipped, as the sequence would
 * skip them) the fold is what the built-in computes over that sequence, and no values is undefined (the
 * empty sequence's). Any other value returns `rt.BAIL`, and the caller evaluates the call the general way
 * (JSONata evaluation is deterministic, so the path's values, and its errors, come out the same).
 * Undefined when the call is not of that shape.
 */
export function inlineAggregate(em: Emitter, builtin: string, call: AstNode, ctx: GenContext): string | undefined {
  const fold = FOLDS[builtin];
  const [path, ...rest] = call.arguments ?? [];
  if (fold === undefined || rest.length > 0) return undefined;
  const acc = em.fresh('acc');
  const n = em.fresh('n');
  const update = (r: string): string => `if (typeof ${r} === 'number' && ${r} - ${r} === 0) { ${fold.fold(acc, r, n)}; ${n}++; } else if (${r} !== undefined) return rt.BAIL;`;
  if (oneName(path)) {
    // a name over an array context (a group's items): the lookup of each item, arrays among the items
    // looked into; a context that is no array is left to the general code (one number is inline there)
    return callBlock(em, deeper(ctx), [path], [], (inner) => {
      const x = em.fresh('x');
      const i = em.fresh('i');
      const r = em.fresh('r');
      const body = em.gen(path, deeper(inner, x));
      return (
        `if (!Array.isArray(${inner.input})) return rt.BAIL; let ${acc} = ${fold.start}; let ${n} = 0; rt.tickLoop(st, ${inner.input}.length); ` +
        `for (let ${i} = 0; ${i} < ${inner.input}.length; ${i}++) { const ${x} = ${inner.input}[${i}]; const ${r} = ${body}; ${update(r)} } ` +
        `return ${n} === 0 ? undefined : ${fold.result(acc, n)};`
      );
    });
  }
  if (!consumablePath(path)) return undefined;
  const consumer: LastStepConsumer = {
    declare: `let ${acc} = ${fold.start}; let ${n} = 0;`,
    step: (items, step, stepCtx) => {
      const item = em.fresh('x');
      const i = em.fresh('i');
      const r = em.fresh('r');
      const len = em.fresh('len');
      const body = em.gen(step, deeper(stepCtx, item));
      return (
        `const ${len} = ${items.count}; rt.tickLoop(st, ${len}); for (let ${i} = 0; ${i} < ${len}; ${i}++) { const ${item} = ${items.item(i)}; const ${r} = ${body}; ` +
        `${update(r)} }`
      );
    },
    result: `${n} === 0 ? undefined : ${fold.result(acc, n)}`,
  };
  return callBlock(em, deeper(ctx), [path], [], (inner) => pathStatements(em, path, inner, consumer));
}

/**
 * `[path]`, an array constructor of one path: the last step's values are collected straight into the new
 * array, not into a sequence that the constructor then copies. The same array results: a lone raw array
 * from the last step, or a lone array value, is copied (as the constructor copies what normalisation
 * leaves), every other outcome is the collected values themselves. Undefined when `item` is no such path.
 */
export function inlineArrayOfPath(em: Emitter, item: AstNode, ctx: GenContext): string | undefined {
  if (!consumablePath(item)) return undefined;
  const out = em.fresh('out');
  const one = em.fresh('one');
  const n = em.fresh('n');
  const consumer: LastStepConsumer = {
    declare: `const ${out} = []; let ${one}; let ${n} = 0;`,
    step: (items, step, stepCtx) => {
      const x = em.fresh('x');
      const i = em.fresh('i');
      const r = em.fresh('r');
      const len = em.fresh('len');
      const body = em.gen(step, deeper(stepCtx, x));
      return (
        `const ${len} = ${items.count}; rt.tickLoop(st, ${len}); for (let ${i} = 0; ${i} < ${len}; ${i}++) { const ${x} = ${items.item(i)}; const ${r} = ${body}; ` +
        `if (${r} !== undefined) { ${n}++; ${one} = ${r}; if (Array.isArray(${r}) && !${r}.cons) { for (let k = 0; k < ${r}.length; k++) ${out}.push(${r}[k]); } else ${out}.push(${r}); } }`
      );
    },
    result:
      `${n} === 1 && Array.isArray(${one}) && !rt.isSequence(${one}) ? ${one}.slice() : ` +
      `${out}.length === 1 && Array.isArray(${out}[0]) ? ${out}[0].slice() : ${out}`,
  };
  return callBlock(em, deeper(ctx), [item], [], (inner) => pathStatements(em, item, inner, consumer));
}
