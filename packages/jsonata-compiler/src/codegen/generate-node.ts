import { FUNCTION_OBJECT_KEYS } from '../runtime/fast-paths.js';
import type { AstNode } from './ast-node.js';
import { deeper, local, unsupported, type Emitter, type GenContext } from './emitter.js';
import { generateArray, generateObject } from './generate-constructors.js';
import { inlineFieldChain, NORMALISED } from './generate-field.js';
import { generateApply, generateBind, generateBlock, generateCall, generateLambda } from './generate-functions.js';
import { generateCondition, generateBinary, generateNegation } from './generate-operators.js';
import { applyFilter, generateGroup, generatePath } from './generate-path.js';
import { resolve } from './scope.js';
import { compilableNatives } from '../runtime/native-runtime.js';
import { generateTuplePath, isTuplePath } from './generate-tuple-path.js';

/**
 * Node types whose value is never a sequence, so the interpreter's output normalisation is a no-op. Not
 * blocks, conditions or binds: their child's normalised value can itself be a sequence nested in the
 * child's result (say from `$map`), and the interpreter normalises once more at each node.
 */
const NEVER_SEQUENCE = new Set(['string', 'number', 'value', 'lambda', 'regex']);

/**
 * Built-ins whose result is a single value (a number, string or boolean) or undefined, never a sequence:
 * their call needs no normalisation.
 */
const SCALAR_NATIVES = new Set([
  'sum', 'count', 'max', 'min', 'average', 'round', 'string', 'uppercase', 'lowercase', 'length', 'trim', 'exists',
  'abs', 'floor', 'ceil', 'number', 'substring', 'substringBefore', 'substringAfter', 'boolean', 'not', 'power', 'sqrt',
]);

/**
 * True when the node's value (before its own predicates, group-by and keep-array) can never be a sequence:
 * literals, operators other than `..`, constructors, calls of the built-ins above (unless a variable of
 * the same name hides them), and blocks and conditions whose results are all such nodes.
 */
function neverSequence(node: AstNode | undefined, ctx: GenContext): boolean {
  if (node === undefined) return true;
  const plain = node.predicate === undefined && node.keepArray !== true && node.group === undefined;
  switch (node.type) {
    case 'string': case 'number': case 'value': case 'lambda': case 'regex': case 'unary':
      return true;
    case 'binary':
      return node.value !== '..';
    case 'function': {
      const proc = node.procedure;
      if (proc?.type !== 'variable' || proc.predicate !== undefined || proc.keepArray === true) return false;
      const name = String(proc.value);
      return SCALAR_NATIVES.has(name) && compilableNatives.has(name) && resolve(ctx.scope, name) === undefined;
    }
    case 'block': {
      const exprs = node.expressions ?? [];
      const last = exprs[exprs.length - 1];
      return last !== undefined && plain && branchPlain(last) && neverSequence(last, ctx);
    }
    case 'condition':
      return plain && [node.then, node.else].every((branch) => branch === undefined || (branchPlain(branch) && neverSequence(branch, ctx)));
    default:
      return false;
  }
}

/** A branch or block result without predicates, group-by or keep-array of its own. */
function branchPlain(node: AstNode): boolean {
  return node.predicate === undefined && node.keepArray !== true && node.group === undefined;
}

function generateRaw(em: Emitter, node: AstNode, ctx: GenContext): string {
  switch (node.type) {
    case 'path':
      return isTuplePath(node) ? generateTuplePath(em, node, ctx) : generatePath(em, node, ctx);
    case 'name': {
      const key = String(node.value);
      if (!FUNCTION_OBJECT_KEYS.has(key) && node.predicate === undefined && node.keepArray !== true && node.group === undefined) {
        return inlineFieldChain(em, ctx, ctx.input, [key], (x) => `rt.lookupNorm(${x}, ${JSON.stringify(key)})`);
      }
      return `rt.lookup(${ctx.input}, ${JSON.stringify(key)})`;
    }
    case 'string':
    case 'number':
    case 'value':
      return literal(node.value);
    case 'wildcard':
      return `rt.wildcard(${ctx.input})`;
    case 'descendant':
      return `rt.descendants(${ctx.input})`;
    case 'binary':
      return generateBinary(em, node, ctx);
    case 'unary':
      if (node.value === '-') return generateNegation(em, node, ctx);
      if (node.value === '[') return generateArray(em, node, ctx);
      if (node.value === '{') return generateObject(em, node, ctx);
      return unsupported(`unary operator ${String(node.value)}`);
    case 'condition':
      return generateCondition(em, node, ctx);
    case 'block':
      return generateBlock(em, node, ctx);
    case 'bind':
      return generateBind(em, node, ctx);
    case 'variable':
      return em.variable(String(node.value), ctx);
    case 'function':
      return generateCall(em, node, ctx);
    case 'lambda':
      return generateLambda(em, node, ctx);
    case 'apply':
      return generateApply(em, node, ctx);
    case 'regex':
      return `rt.regexMatcher(${em.constant(node.value)})`;
    case 'parent': {
      // the parser labels each `%` with the ancestor step that binds it; the tuple path put it in scope
      const id = node.slot === undefined ? undefined : resolve(ctx.scope, node.slot.label);
      return id ?? unsupported('parent operator (%) across nested paths');
    }
    case 'transform':
      return generateTransform(em, node, ctx);
    case 'partial':
      return generatePartial(em, node, ctx);
    default:
      return unsupported(`${node.type} expression`);
  }
}

/** `| pattern | update, delete |` (the copy is made with `$clone`, so a binding of `clone` must go to the interpreter). */
function generateTransform(em: Emitter, node: AstNode, ctx: GenContext): string {
  // a lexical $clone would change how the copy is made: leave that rare case to the interpreter
  if (resolve(ctx.scope, 'clone') !== undefined) unsupported('transform with $clone redefined');
  em.markNative('clone');
  const clause = (expr: AstNode | undefined, prefix: string): string => {
    const x = em.fresh(prefix);
    return expr === undefined ? 'undefined' : `(${x}) => ${em.gen(expr, deeper(ctx, x))}`;
  };
  return `rt.transformer(${clause(node.pattern, 'copy')}, ${clause(node.update, 'm')}, ${clause(node.delete, 'd')})`;
}

/** `f(a, ?)`: arguments evaluated now, `?` kept as a placeholder. */
function generatePartial(em: Emitter, node: AstNode, ctx: GenContext): string {
  const procedure = node.procedure as AstNode;
  const args = (node.arguments ?? []).map((a) =>
    a.type === 'operator' && a.value === '?' ? 'rt.PLACEHOLDER' : em.gen(a, deeper(ctx)),
  );
  const name = String((procedure.type === 'path' ? procedure.steps?.[0]?.value : procedure.value) ?? '');
  const first = procedure.type === 'path' ? procedure.steps?.[0] : undefined;
  // `f(?)` where `$f` exists: the interpreter's "did you mean $f?" (T1007)
  const exists = first?.type === 'name' ? `Boolean(${em.variable(String(first.value), ctx)})` : 'false';
  return `rt.partial(st, ${em.gen(procedure, deeper(ctx))}, [${args.join(', ')}], ${JSON.stringify(name)}, ${exists})`;
}

function literal(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : unsupported('non-finite literal');
  return JSON.stringify(value);
}

/**
 * One node as the interpreter's `evaluate` produces it: the construct, then its predicates, its group-by
 * (outside paths) and the sequence normalisation (singleton unwrapping, keep-array).
 */
export function generateNode(em: Emitter, node: AstNode, ctx: GenContext): string {
  let code = generateRaw(em, node, ctx);
  // only the range operator among the binary operators yields a sequence
  let mayBeSequence = !NEVER_SEQUENCE.has(node.type) && !neverSequence(node, ctx);
  // single-field lookups return normalised values
  let normalised = (node.type === 'path' || node.type === 'name') && code.startsWith(NORMALISED);
  for (const stage of node.predicate ?? []) {
    code = applyFilter(em, code, stage, deeper(ctx));
    mayBeSequence = true;
    normalised = false;
  }
  if (node.type !== 'path' && node.group !== undefined) {
    code = generateGroup(em, code, node.group.lhs, deeper(ctx));
    mayBeSequence = false;
  }
  if (node.keepArray === true) return `rt.normKeep(${code})`;
  if (!mayBeSequence || normalised) return code;
  // `rt.norm` inline: each site gets its own inline caches for the flags (the shared helper's go
  // megamorphic across mappings); only a sequence needs the call
  const t = local(em, ctx, 'nv');
  return `(${t} = ${code}, Array.isArray(${t}) && ${t}.sequence === true ? rt.norm(${t}) : ${t})`;
}
