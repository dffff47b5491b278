import { lhsOf, type AstNode } from './ast-node.js';
import { deeper, local, unsupported, type Emitter, type GenContext } from './emitter.js';

const ARITH: Record<string, string> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '%': 'mod' };
const COMPARE: Record<string, string> = { '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };

/**
 * `(a = l, b = r, typeof a === 'number' && typeof b === 'number' ? <rest>)`: both operands evaluated
 * first, in order, then the number case inline; `rest(a, b)` completes the conditional. A number
 * literal operand is used as is, without a temporary or a type test.
 */
function numeric(em: Emitter, ctx: GenContext, node: AstNode, l: string, r: string, rest: (a: string, b: string) => string): string {
  // the generated code, not just the node type: `1[0]` is a number node whose value is a sequence
  const isLiteral = (n: AstNode | undefined, code: string): boolean => n?.type === 'number' && /^[0-9.e+]+$/.test(code);
  const parts: string[] = [];
  const tests: string[] = [];
  const operand = (n: AstNode | undefined, code: string): string => {
    if (isLiteral(n, code)) return code;
    const t = local(em, ctx, 'op');
    parts.push(`${t} = ${code}`);
    tests.push(`typeof ${t} === 'number'`);
    return t;
  };
  const a = operand(lhsOf(node), l);
  const b = operand(node.rhs, r);
  if (tests.length === 0) tests.push('true');
  return `(${[...parts, `${tests.join(' && ')} && ${rest(a, b)}`].join(', ')})`;
}

/** Binary operators: arithmetic, comparison, boolean, `&`, `..`, `in`. */
export function generateBinary(em: Emitter, node: AstNode, ctx: GenContext): string {
  const op = String(node.value);
  const sub = deeper(ctx);
  const l = em.gen(lhsOf(node), sub);
  const r = em.gen(node.rhs as AstNode, sub);
  const arith = ARITH[op];
  const pos = node.position === undefined ? '' : `, ${node.position}`;
  if (arith !== undefined) {
    // finite numbers inline (x - x === 0 exactly for finite x); everything else gets the checked helper
    return numeric(em, ctx, node, l, r, (a, b) => `${a} - ${a} === 0 && ${b} - ${b} === 0 ? ${a} ${op} ${b} : rt.${arith}(${a}, ${b}${pos})`);
  }
  const order = COMPARE[op];
  if (order !== undefined) return numeric(em, ctx, node, l, r, (a, b) => `true ? ${a} ${op} ${b} : rt.${order}(${a}, ${b}${pos})`);
  switch (op) {
    case 'and':
      return `(rt.truthy(${l}) ? rt.truthy(${r}) : false)`;
    case 'or':
      return `(rt.truthy(${l}) ? true : rt.truthy(${r}))`;
    case '=':
      return `rt.eq(${l}, ${r})`;
    case '!=':
      return `rt.ne(${l}, ${r})`;
    case '&': {
      const a = local(em, ctx, 'op');
      const b = local(em, ctx, 'op');
      return `(${a} = ${l}, ${b} = ${r}, typeof ${a} === 'string' && typeof ${b} === 'string' ? ${a} + ${b} : rt.concat(${a}, ${b}))`;
    }
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
  const c = local(em, ctx, 'cond');
  return `((${c} = ${cond}) === true || ${c} !== false && rt.booleanOf(${c}) ? ${then} : ${otherwise})`;
}

/** Unary minus. */
export function generateNegation(em: Emitter, node: AstNode, ctx: GenContext): string {
  return `rt.negate(${em.gen(node.expression as AstNode, deeper(ctx))})`;
}
