import { lhsOf, type AstNode } from './ast-node.js';
import { deeper, unsupported, type Emitter, type GenContext } from './emitter.js';

const ARITH: Record<string, string> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '%': 'mod' };

/** Binary operators: arithmetic, comparison, boolean, `&`, `..`, `in`. */
export function generateBinary(em: Emitter, node: AstNode, ctx: GenContext): string {
  const op = String(node.value);
  const sub = deeper(ctx);
  const l = em.gen(lhsOf(node), sub);
  const r = em.gen(node.rhs as AstNode, sub);
  const arith = ARITH[op];
  const pos = node.position === undefined ? '' : `, ${node.position}`;
  if (arith !== undefined) return `rt.${arith}(${l}, ${r}${pos})`;
  switch (op) {
    case 'and':
      return `(rt.truthy(${l}) ? rt.truthy(${r}) : false)`;
    case 'or':
      return `(rt.truthy(${l}) ? true : rt.truthy(${r}))`;
    case '=':
      return `rt.eq(${l}, ${r})`;
    case '!=':
      return `rt.ne(${l}, ${r})`;
    case '<':
      return `rt.lt(${l}, ${r}${pos})`;
    case '<=':
      return `rt.le(${l}, ${r}${pos})`;
    case '>':
      return `rt.gt(${l}, ${r}${pos})`;
    case '>=':
      return `rt.ge(${l}, ${r}${pos})`;
    case '&':
      return `rt.concat(${l}, ${r})`;
    case '..':
      return `rt.range(st, ${l}, ${r})`;
    case 'in':
      return `rt.includes(${l}, ${r})`;
    default:
      return unsupported(`operator ${op}`);
  }
}

/** `cond ? then : else` */
export function generateCondition(em: Emitter, node: AstNode, ctx: GenContext): string {
  const sub = deeper(ctx);
  const cond = em.gen(node.condition as AstNode, sub);
  const then = em.gen(node.then as AstNode, sub);
  const otherwise = node.else === undefined ? 'undefined' : em.gen(node.else, sub);
  return `(rt.booleanOf(${cond}) ? ${then} : ${otherwise})`;
}

/** Unary minus. */
export function generateNegation(em: Emitter, node: AstNode, ctx: GenContext): string {
  return `rt.negate(${em.gen(node.expression as AstNode, deeper(ctx))})`;
}
