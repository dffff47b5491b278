import { lhsOf, type AstNode } from './ast-node.js';
import { containsLambda, declareLocals, deeper, local, unsupported, type Emitter, type GenContext } from './emitter.js';
import { fastNatives } from '../runtime/fast-natives.js';
import { inlineNative } from './inline-natives.js';
import { inlineAggregate } from './generate-path-consumers.js';
import { callBlock } from './hoist.js';
import { collectBinds, resolve, type Scope } from './scope.js';

/** Built-ins that may call back into lambdas, so their call sites must publish the current depth. */
const CALLS_BACK = new Set(['map', 'filter', 'single', 'reduce', 'each', 'sift', 'sort', 'contains', 'split', 'match', 'replace']);

/** Declares the names bound in a new frame, each starting as the value it had outside (lookups fall through). */
function declareFrame(em: Emitter, frame: Scope, names: Iterable<string>, ctx: GenContext, skip: Set<string> = new Set()): string[] {
  const lines: string[] = [];
  for (const name of names) {
    if (skip.has(name)) continue;
    const id = em.fresh('v');
    lines.push(`let ${id} = ${em.variable(name, ctx)};`);
    frame.vars.set(name, id);
  }
  return lines;
}

/** `( e1; e2; ... )`: a new frame; the value of the last expression. */
export function generateBlock(em: Emitter, node: AstNode, ctx: GenContext): string {
  const exprs = node.expressions ?? [];
  if (exprs.length === 0) return 'undefined';
  const names = new Set<string>();
  for (const e of exprs) collectBinds(e, names);
  // without assignments a block needs no frame: `(a; b)` is a comma expression
  if (names.size === 0) return `(${exprs.map((e) => em.gen(e, deeper(ctx))).join(', ')})`;
  const frame: Scope = { parent: ctx.scope, vars: new Map() };
  const lines = declareFrame(em, frame, names, ctx);
  const inner: GenContext = { ...deeper(ctx), scope: frame, locals: [] };
  exprs.forEach((e, i) => {
    const code = em.gen(e, inner);
    lines.push(i === exprs.length - 1 ? `return ${code};` : `${code};`);
  });
  return `(() => { ${declareLocals(inner)} ${lines.join(' ')} })()`;
}

/** `$x := value` assigns in the current frame (declared there by the frame's scan). */
export function generateBind(em: Emitter, node: AstNode, ctx: GenContext): string {
  const name = String(lhsOf(node).value);
  const id = ctx.scope.vars.get(name);
  if (id === undefined) return unsupported(`assignment to $${name} outside a frame`);
  return `(${id} = ${em.gen(node.rhs as AstNode, deeper(ctx))})`;
}

/** `function($a, $b) { body }`: a JS function whose frame holds its parameters and assignments. */
export function generateLambda(em: Emitter, node: AstNode, ctx: GenContext): string {
  if (node.thunk === true) return generateTailCall(em, node.body as AstNode, ctx);
  const params = (node.arguments ?? []).map((a) => String(a.value));
  const frame: Scope = { parent: ctx.scope, vars: new Map() };
  const ids = params.map((name) => {
    const id = em.fresh('a');
    frame.vars.set(name, id);
    return id;
  });
  const base = em.fresh('b');
  const names = new Set<string>();
  collectBinds(node.body, names);
  const lines = [`const ${base} = st.depth;`, ...declareFrame(em, frame, names, ctx, new Set(params))];
  const bodyCtx: GenContext = { input: ctx.input, scope: frame, depth: 1, base, locals: [] };
  const body = em.gen(node.body as AstNode, bodyCtx);
  if (bodyCtx.locals.length > 0) lines.push(`let ${bodyCtx.locals.join(', ')};`);
  lines.push(`return ${body};`);
  const sig = node.signature === undefined ? 'undefined' : em.constant(node.signature);
  return `rt.lambda(function (${ids.join(', ')}) { ${lines.join(' ')} }, ${sig})`;
}

/** A call in tail position of a lambda body: returned as a pending call, run by the caller's loop. */
function generateTailCall(em: Emitter, call: AstNode, ctx: GenContext): string {
  // even a built-in's call stays pending: its result must skip the normalisation of the enclosing
  // conditions and blocks, as the interpreter's thunk does (a `$map` result [x] stays [x])
  const proc = em.gen(call.procedure as AstNode, deeper(ctx));
  const args = (call.arguments ?? []).map((a) => em.gen(a, deeper(ctx)));
  return `new rt.TailCall(${proc}, [${args.join(', ')}], ${ctx.input})`;
}

function builtinName(em: Emitter, procedure: AstNode, ctx: GenContext): string | undefined {
  if (procedure.type !== 'variable' || procedure.predicate !== undefined || procedure.keepArray === true) return undefined;
  const name = String(procedure.value);
  if (resolve(ctx.scope, name) !== undefined) return undefined;
  return em.variable(name, ctx).startsWith('K[') ? name : undefined;
}

/** `f(args)` (and `lhs ~> f(args)` with `lhs` prepended to the arguments). */
export function generateCall(em: Emitter, node: AstNode, ctx: GenContext, applyTo?: string): string {
  const builtin = builtinName(em, node.procedure as AstNode, ctx);
  // before the arguments are generated: an inlined loop generates its own (and hoists what they need)
  const inlinedLoop = builtin === undefined ? undefined : inlineMapOrFilter(em, builtin, node, ctx, applyTo);
  if (inlinedLoop !== undefined) return inlinedLoop;
  const aggregate = builtin === undefined || applyTo !== undefined ? undefined : inlineAggregate(em, builtin, node, ctx);
  const call = generateCallArgs(em, node, ctx, builtin, applyTo);
  if (aggregate === undefined) return call;
  // the inlined aggregate's values were not all finite numbers: the call with its full semantics
  const t = local(em, ctx, 'ag');
  return `((${t} = ${aggregate}) !== rt.BAIL ? ${t} : ${call})`;
}

/** The call itself: arguments evaluated into an array, then a built-in's shortcut or the general call. */
function generateCallArgs(em: Emitter, node: AstNode, ctx: GenContext, builtin: string | undefined, applyTo: string | undefined): string {
  const procedure = node.procedure as AstNode;
  const sub = deeper(ctx);
  const args = (node.arguments ?? []).map((a) => em.gen(a, sub));
  if (applyTo !== undefined) args.unshift(applyTo);
  const argList = `[${args.join(', ')}]`;
  const procName = procedure.type === 'path' ? procedure.steps?.[0]?.value : procedure.value;
  const at = em.constant({ token: String(procName ?? ''), position: node.position });
  if (builtin !== undefined) {
    const def = em.variable(builtin, ctx);
    if (Object.prototype.hasOwnProperty.call(fastNatives, builtin)) {
      const general = (list: string): string => `rt.fast.${builtin}(st, ${def}, ${list}, ${ctx.input}, ${at})`;
      return inlineNative(em, ctx, builtin, args, general) ?? general(argList);
    }
    if ((builtin === 'map' || builtin === 'filter') && args.length === 2) {
      return `rt.mapOrFilterDirect(st, ${ctx.base}, ${ctx.depth}, ${def}, ${builtin === 'map'}, ${args[0] ?? ''}, ${args[1] ?? ''}, ${ctx.input}, ${at})`;
    }
    if (CALLS_BACK.has(builtin)) {
      return `rt.callNativeAt(st, ${ctx.base}, ${ctx.depth}, ${def}, ${argList}, ${ctx.input}, ${at})`;
    }
    return `rt.callNative(st, ${def}, ${argList}, ${ctx.input}, ${at})`;
  }
  let proc = em.gen(procedure, sub);
  if (procedure.type === 'path' && procedure.steps?.[0]?.type === 'name') {
    // `f(x)` for a defined `$f`: the interpreter says "did you mean $f?" (T1005)
    const name = String(procedure.steps[0].value);
    proc = `rt.orT1005(${proc}, ${em.variable(name, ctx)}, ${JSON.stringify(name)})`;
  }
  return `rt.callAt(st, ${ctx.base}, ${ctx.depth}, ${proc}, ${argList}, ${ctx.input}, ${at})`;
}

/**
 * `$map(xs, function($v, $i, $a) { body })` and `$filter(...)` with a lambda literal: the signature `<af>`
 * accepts any first argument (a non-array is wrapped, undefined gives undefined) and the lambda is known,
 * so the loop runs the body inline — no function object, no call per item. Only for bodies without
 * lambdas of their own (nothing can capture the per-item variables) and without a declared signature.
 */
function inlineMapOrFilter(em: Emitter, builtin: string, node: AstNode, ctx: GenContext, applyTo: string | undefined): string | undefined {
  const callArgs = node.arguments ?? [];
  const fn = callArgs[1];
  if ((builtin !== 'map' && builtin !== 'filter') || applyTo !== undefined || callArgs.length !== 2 || fn === undefined) return undefined;
  if (fn.type !== 'lambda' || fn.thunk === true || fn.signature !== undefined || fn.predicate !== undefined || fn.keepArray === true) return undefined;
  if (containsLambda(fn.body)) return undefined;
  const arr = em.gen(callArgs[0] as AstNode, deeper(ctx));
  const items = em.fresh('items');
  const out = em.fresh('out');
  const i = em.fresh('i');
  const r = em.fresh('r');
  const base = em.fresh('b');
  const params = (fn.arguments ?? []).map((a) => String(a.value));
  return callBlock(em, ctx, [fn.body as AstNode], [[items, arr]], (outer) => {
    const frame: Scope = { parent: outer.scope, vars: new Map() };
    const values = [`${items}[${i}]`, i, items];
    const paramLines = params.map((name, k) => {
      const id = em.fresh('a');
      frame.vars.set(name, id);
      return `let ${id} = ${k < 3 ? values[k] : 'undefined'};`;
    });
    const names = new Set<string>();
    collectBinds(fn.body, names);
    const bodyCtx: GenContext = { input: outer.input, scope: frame, depth: 1, base, locals: outer.locals };
    const frameLines = declareFrame(em, frame, names, bodyCtx, new Set(params));
    const body = em.gen(fn.body as AstNode, bodyCtx);
    const keep = builtin === 'map' ? `if (${r} !== undefined) ${out}.push(${r});` : `if (${r} === true || ${r} !== false && rt.booleanOf(${r})) ${out}.push(${items}[${i}]);`;
    return (
      `if (${items} === undefined) return undefined; if (!Array.isArray(${items})) ${items} = [${items}]; ` +
      `const ${base} = ${outer.base} + ${outer.depth}; const ${out} = rt.emptySequence(); st.depth = ${base}; ` +
      `rt.tickLoop(st, ${items}.length); for (let ${i} = 0; ${i} < ${items}.length; ${i}++) { ${paramLines.join(' ')} ${frameLines.join(' ')} const ${r} = ${body}; ${keep} } ` +
      `st.depth = ${outer.base}; return ${out};`
    );
  });
}

/** `lhs ~> rhs`: call with lhs as first argument, or compose when lhs is itself a function. */
export function generateApply(em: Emitter, node: AstNode, ctx: GenContext): string {
  const lhs = em.gen(lhsOf(node), deeper(ctx));
  const rhs = node.rhs as AstNode;
  if (rhs.type === 'function') return generateCall(em, rhs, deeper(ctx), lhs);
  const func = em.gen(rhs, deeper(ctx));
  return `rt.applyTo(st, ${ctx.base}, ${ctx.depth}, ${lhs}, ${func})`;
}
