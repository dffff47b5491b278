import { local, type Emitter, type GenContext } from './emitter.js';

/**
 * Marks generated code whose value is already normalised (a field read never yields a sequence), so
 * that `generateNode` adds no `rt.norm` around it.
 */
export const NORMALISED = '/*norm*/';

/** The JS condition "`v` is a plain (non-array) object" for an identifier `v`. */
const isRecord = (v: string): string => `${v} !== null && typeof ${v} === 'object' && !Array.isArray(${v})`;

/**
 * Field reads `a.b.c` inline, with the key as a literal: each call site gets its own inline cache (the
 * shared runtime helpers see every shape of every mapping and go megamorphic). The inline code covers
 * the common case — a chain of own properties of plain objects ending in anything but a sequence — and
 * hands everything else (arrays to map over, missing or inherited keys, sequences) to `fallback(x, …)`
 * on the original input, which has the full semantics. Keys of built-in definitions (which lookups
 * must not see into) never come here: the generator sends them down the general path.
 */
export function inlineFieldChain(em: Emitter, ctx: GenContext, input: string, keys: readonly string[], fallback: (x: string) => string): string {
  const x = local(em, ctx, 'fx');
  const conds: string[] = [];
  let current = x;
  keys.forEach((key, i) => {
    const k = JSON.stringify(key);
    const v = local(em, ctx, 'fv');
    // own-property check before the read: a prototype getter must never run
    conds.push(`${isRecord(current)} && rt.hasOwn.call(${current}, ${k})`);
    conds.push(i === keys.length - 1 ? `!(Array.isArray(${v} = ${current}[${k}]) && ${v}.sequence === true)` : `(${v} = ${current}[${k}], true)`);
    current = v;
  });
  return `${NORMALISED}(${x} = ${input}, ${conds.join(' && ')} ? ${current} : ${fallback(x)})`;
}
