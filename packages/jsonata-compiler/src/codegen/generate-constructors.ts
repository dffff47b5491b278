import { pairsOf, type AstNode } from './ast-node.js';
import { declareLocals, deeper, local, ownLocals, type Emitter, type GenContext } from './emitter.js';
import { generateGroup } from './generate-path.js';
import { makesClosure } from './hoist.js';
import { inlineArrayOfPath } from './generate-path-consumers.js';

/** Array constructor `[a, b, ...]`: values are appended (arrays spliced) unless they are nested `[...]`. */
export function generateArray(em: Emitter, node: AstNode, ctx: GenContext): string {
  const items = node.expressions ?? [];
  const [only] = items;
  const collected = items.length === 1 && only !== undefined ? inlineArrayOfPath(em, only, ctx) : undefined;
  if (collected !== undefined) return node.consarray === true ? `rt.markCons(${collected})` : collected;
  // a comma expression over two temporaries (nothing here can be captured by a lambda)
  const r = local(em, ctx, 'arr');
  const t = local(em, ctx, 't');
  const parts: string[] = [];
  if (items.length === 0) parts.push(`${r} = []`);
  items.forEach((item, i) => {
    parts.push(`${t} = ${em.gen(item, deeper(ctx))}`);
    const nested = item.type === 'unary' && item.value === '[';
    if (i === 0) {
      // the first value makes the result: an array's items are a copy of it (slice: elements only, no flags)
      parts.push(nested ? `${r} = ${t} === undefined ? [] : [${t}]` : `${r} = ${t} === undefined ? [] : Array.isArray(${t}) ? ${t}.slice() : [${t}]`);
    } else if (nested) {
      parts.push(`(${t} !== undefined && ${r}.push(${t}))`);
    } else {
      parts.push(`(${t} !== undefined && (Array.isArray(${t}) ? rt.pushAll(${r}, ${t}) : ${r}.push(${t})))`);
    }
  });
  parts.push(node.consarray === true ? `rt.markCons(${r})` : r);
  return `(${parts.join(', ')})`;
}

const RESERVED_KEYS = new Set(['__proto__', '_jsonata_lambda', '_jsonata_function']);

/**
 * Object constructor `{k: v, ...}`. When every key is a distinct string literal, grouping degenerates:
 * each pair is evaluated once with all items as context, so the object is built field by field — the
 * common mapping case, and much cheaper than the general group-by.
 */
export function generateObject(em: Emitter, node: AstNode, ctx: GenContext): string {
  const pairs = pairsOf(node);
  const keys = pairs.map(([key]) => (key.type === 'string' ? String(key.value) : undefined));
  const literal = keys.every((k) => k !== undefined && !RESERVED_KEYS.has(k)) && new Set(keys).size === keys.length;
  if (!literal) return generateGroup(em, ctx.input, pairs, ctx);
  if (!pairs.some(([, value]) => makesClosure(value, ctx.scope))) {
    // no closure can capture the temporaries, so they can be reused locals: a comma expression. The values
    // are evaluated in order, then, when none is undefined (the usual case), the object is one literal:
    // sized for its fields (an object grown from `{}` keeps fields past the fourth out of line)
    const c = local(em, ctx, 'c');
    const parts = [`${c} = rt.groupContext(${ctx.input})`];
    const ts = pairs.map(([, value]) => {
      const t = local(em, ctx, 't');
      parts.push(`${t} = ${em.gen(value, deeper(ctx, c))}`);
      return t;
    });
    if (ts.length === 0) return `(${parts.join(', ')}, {})`;
    const fields = ts.map((t, i) => `${JSON.stringify(keys[i])}: ${t}`);
    const defined = ts.map((t) => `${t} !== undefined`).join(' && ');
    parts.push(`${defined} ? { ${fields.join(', ')} } : rt.objectOf(${em.constant(keys)}, [${ts.join(', ')}])`);
    return `(${parts.join(', ')})`;
  }
  const c = em.fresh('c');
  const o = em.fresh('obj');
  const t = em.fresh('t');
  const inner = ownLocals(ctx);
  const lines = [`const ${c} = rt.groupContext(${ctx.input});`, `const ${o} = {};`, `let ${t};`];
  pairs.forEach(([, value], i) => {
    lines.push(`${t} = ${em.gen(value, deeper(inner, c))};`);
    lines.push(`if (${t} !== undefined) ${o}[${JSON.stringify(keys[i])}] = ${t};`);
  });
  lines.push(`return ${o};`);
  return `(() => { ${declareLocals(inner)} ${lines.join(' ')} })()`;
}
