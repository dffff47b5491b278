import type { AstNode } from './ast-node.js';
import { containsLambda, declareLocals, type Emitter, type GenContext } from './emitter.js';
import { childrenOf, collectBinds, resolve, type Scope } from './scope.js';

/** Node types that make a JS closure over the variables in scope. */
const CLOSURES = new Set(['lambda', 'transform', 'partial']);

/** Names bound anywhere below `node` (assignments and lambda parameters). */
function boundBelow(node: AstNode, out: Set<string>): Set<string> {
  if (node.type === 'bind') out.add(String((node.lhs as AstNode).value));
  if (node.type === 'lambda') for (const a of node.arguments ?? []) out.add(String(a.value));
  for (const child of childrenOf(node)) boundBelow(child, out);
  return out;
}

/**
 * `$map(xs, function(...) {...})` / `$filter(...)` that `inlineMapOrFilter` turns into a loop (the same
 * conditions, with the name not rebound in scope or below): its lambda is no JS closure.
 */
function inlinedLambdaCall(node: AstNode, rebound: (name: string) => boolean): boolean {
  const proc = node.procedure;
  const [, fn] = node.arguments ?? [];
  if (node.type !== 'function' || proc?.type !== 'variable' || proc.predicate !== undefined || proc.keepArray === true) return false;
  const name = String(proc.value);
  if ((name !== 'map' && name !== 'filter') || rebound(name) || node.arguments?.length !== 2 || fn === undefined) return false;
  if (fn.type !== 'lambda' || fn.thunk === true || fn.signature !== undefined || fn.predicate !== undefined || fn.keepArray === true) return false;
  return !containsLambda(fn.body);
}

/** True when evaluating `node` may create a JS closure over the variables in `scope`. */
export function makesClosure(node: AstNode, scope: Scope | undefined): boolean {
  const bound = boundBelow(node, new Set());
  const rebound = (name: string): boolean => bound.has(name) || resolve(scope, name) !== undefined;
  const walk = (n: AstNode): boolean => {
    if (inlinedLambdaCall(n, rebound)) {
      const [xs, fn] = n.arguments ?? [];
      return walk(xs as AstNode) || walk((fn as AstNode).body as AstNode);
    }
    return CLOSURES.has(n.type) || childrenOf(n).some(walk);
  };
  return walk(node);
}

function scopeIds(scope: Scope | undefined): string[] {
  const ids = new Set<string>();
  for (let s = scope; s !== undefined; s = s.parent) for (const id of s.vars.values()) ids.add(id);
  return [...ids];
}

/**
 * True when code generated for `nodes` in `ctx` reads nothing from the enclosing function but the state
 * (no variables in scope, a static depth base) and neither assigns nor captures: it can live at top level.
 */
export function canHoist(ctx: GenContext, nodes: readonly AstNode[]): boolean {
  const binds = new Set<string>();
  for (const n of nodes) collectBinds(n, binds);
  return binds.size === 0 && !nodes.some((n) => makesClosure(n, ctx.scope)) && scopeIds(ctx.scope).length === 0 && /^[0-9]+$/.test(ctx.base);
}

/**
 * Statements that compute a value (ending in `return`), run as a function call. Where the statements
 * can neither assign a variable nor capture one in a closure (`nodes` is what they evaluate), the
 * function is hoisted to the program's top level — made once, not per evaluation — and called with
 * everything it reads from the enclosing function: the state, the context value, the depth base and the
 * variables in scope (under their own identifiers, which the generated code refers to). Otherwise it is
 * an immediately invoked arrow function, which sees those variables live. `params` are extra
 * `[name, value]` arguments; `build` generates the statements in the context it is given.
 */
export function callBlock(em: Emitter, ctx: GenContext, nodes: readonly AstNode[], params: [string, string][], build: (inner: GenContext) => string): string {
  const binds = new Set<string>();
  for (const n of nodes) collectBinds(n, binds);
  if (binds.size > 0 || nodes.some((n) => makesClosure(n, ctx.scope))) {
    const inner: GenContext = { ...ctx, locals: [] };
    const body = build(inner);
    return `((${params.map(([p]) => p).join(', ')}) => { ${declareLocals(inner)} ${body} })(${params.map(([, v]) => v).join(', ')})`;
  }
  const input = em.fresh('in');
  const inner: GenContext = { ...ctx, input, locals: [] };
  const body = build(inner);
  const all: [string, string][] = [['st', 'st'], [input, ctx.input], ...params];
  if (!/^[0-9]+$/.test(ctx.base)) all.push([ctx.base, ctx.base]);
  for (const id of scopeIds(ctx.scope)) all.push([id, id]);
  const name = em.fresh('h');
  em.hoist(`function ${name}(${all.map(([p]) => p).join(', ')}) { ${declareLocals(inner)} ${body} }`);
  return `${name}(${all.map(([, v]) => v).join(', ')})`;
}
