import { local, type Emitter, type GenContext } from './emitter.js';

/**
 * Marks generated code whose value is already normalised (a field read never yields a sequence), so
 * that `generateNode` adds no `rt.norm` around it.
 */
export const NORMALISED = '/*norm*/';

/**
 * Field reads `a.b.c` inline, with the key as a literal: each call site gets its own inline cache (the
 * shared runtime helpers see every shape of every mapping and go megamorphic). The inline code covers
 * the common case — a chain of plain objects ending in anything but a sequence — and hands everything
 * else (arrays to map over, other prototypes, sequences) to `fallback(x)` on the original input, which
 * has the full semantics. Keys of built-in definitions (which lookups must not see into) never come here:
 * the generator sends them down the general path.
 *
 * Own properties only, without a `hasOwnProperty` call per read (a third of a small mapping's time): an
 * object whose prototype is `Object.prototype` can only inherit that object's properties, so a value
 * that differs from `Object.prototype[key]` is its own, and `undefined` is `undefined` either way. The
 * prototype test reads `__proto__`, which V8 folds into the object's map check; a JSON object with its
 * own `"__proto__"` key fails it and takes the general path, and the key `__proto__` itself is never
 * inlined (it is an accessor there).
 */
export function inlineFieldChain(em: Emitter, ctx: GenContext, input: string, keys: readonly string[], fallback: (x: string) => string): string {
  if (keys.includes('__proto__')) return fallback(input);
  const x = local(em, ctx, 'fx');
  const conds: string[] = [];
  let current = x;
  keys.forEach((key, i) => {
    const k = JSON.stringify(key);
    const v = local(em, ctx, 'fv');
    conds.push(`${current} !== null && typeof ${current} === 'object' && ${current}.__proto__ === rt.OP`);
    // an intermediate value inherited from Object.prototype is a function, which the next test rejects
    conds.push(
      i === keys.length - 1
        ? `((${v} = ${current}[${k}]) === undefined || ${v} !== rt.OP[${k}] && !(Array.isArray(${v}) && ${v}.sequence === true))`
        : `(${v} = ${current}[${k}], true)`,
    );
    current = v;
  });
  return `${NORMALISED}(${x} = ${input}, ${conds.join(' && ')} ? ${current} : ${fallback(x)})`;
}

/**
 * The sequence after a path's leading name steps (`rt.pathPrefix`), inline for the common case: a chain
 * of plain objects ending in a plain object (the one item) or a JSON array (its items). Anything else
 * takes `rt.pathPrefix`.
 */
export function inlinePathPrefix(em: Emitter, ctx: GenContext, input: string, keys: readonly string[], fallback: (x: string) => string, borrow: boolean): string {
  if (keys.includes('__proto__')) return fallback(input);
  const x = local(em, ctx, 'fx');
  const conds: string[] = [];
  let current = x;
  for (const key of keys) {
    const v = local(em, ctx, 'fv');
    conds.push(`${current} !== null && typeof ${current} === 'object' && ${current}.__proto__ === rt.OP`, `(${v} = ${current}[${JSON.stringify(key)}], true)`);
    current = v;
  }
  const v = current;
  // a value inherited from Object.prototype is a function, which these tests reject; a JSON array (not a
  // sequence, not constructed) is the step's items
  conds.push(`${v} !== null && typeof ${v} === 'object'`);
  // `borrow`: the caller only iterates the result, which never escapes, so it needs no flag and no copy
  const one = `${v}.__proto__ === rt.OP ? ${borrow ? `[${v}]` : `rt.sequenceOf(${v})`}`;
  const items = `Array.isArray(${v}) && ${v}.sequence !== true && ${v}.cons !== true ? ${borrow ? v : `rt.sequenceFrom(${v})`}`;
  return `(${x} = ${input}, ${conds.join(' && ')} ? (${one} : ${items} : ${fallback(x)}) : ${fallback(x)})`;
}
