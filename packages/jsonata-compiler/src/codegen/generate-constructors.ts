import { pairsOf, type AstNode } from './ast-node.js';
import { deeper, type Emitter, type GenContext } from './emitter.js';
import { generateGroup } from './generate-path.js';

/** Array constructor `[a, b, ...]`: values are appended (arrays spliced) unless they are nested `[...]`. */
export function generateArray(em: Emitter, node: AstNode, ctx: GenContext): string {
  const r = em.fresh('a');
  const t = em.fresh('t');
  const lines = [`let ${r} = [];`, `let ${t};`];
  for (const item of node.expressions ?? []) {
    lines.push(`${t} = ${em.gen(item, deeper(ctx))};`);
    if (item.type === 'unary' && item.value === '[') {
      lines.push(`if (${t} !== undefined) ${r}.push(${t});`);
    } else {
      lines.push(`if (${t} !== undefined) { if (Array.isArray(${t})) ${r} = ${r}.concat(${t}); else ${r}.push(${t}); }`);
    }
  }
  lines.push(node.consarray === true ? `return rt.markCons(${r});` : `return ${r};`);
  return `(() => { ${lines.join(' ')} })()`;
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
  const c = em.fresh('c');
  const o = em.fresh('obj');
  const t = em.fresh('t');
  const lines = [`const ${c} = rt.groupContext(${ctx.input});`, `const ${o} = {};`, `let ${t};`];
  pairs.forEach(([, value], i) => {
    lines.push(`${t} = ${em.gen(value, deeper(ctx, c))};`);
    lines.push(`if (${t} !== undefined) ${o}[${JSON.stringify(keys[i])}] = ${t};`);
  });
  lines.push(`return ${o};`);
  return `(() => { ${lines.join(' ')} })()`;
}
