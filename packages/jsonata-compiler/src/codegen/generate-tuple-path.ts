import type { AstNode, AstStage } from './ast-node.js';
import { deeper, unsupported, type Emitter, type GenContext } from './emitter.js';
import { generateGroup, regularStep } from './generate-path.js';
import { collectBinds, type Scope } from './scope.js';

/** True for paths with a context (`@$x`) or positional (`#$i`) binding: they run as tuple streams. */
export function isTuplePath(node: AstNode): boolean {
  return (node.steps ?? []).some((s) => s.tuple === true);
}

/** Declares `names` as JS constants read from the tuple `tuple`, in a scope below `ctx`'s. */
function tupleScope(em: Emitter, ctx: GenContext, tuple: string, names: readonly string[]): { ctx: GenContext; lines: string } {
  const scope: Scope = { parent: ctx.scope, vars: new Map() };
  const lines = names.map((name) => {
    const id = em.fresh('tv');
    scope.vars.set(name, id);
    return `const ${id} = ${tuple}[${JSON.stringify(name)}];`;
  });
  return { ctx: { ...ctx, scope }, lines: lines.join(' ') };
}

function checkTuplePath(node: AstNode, first: number): void {
  const steps = node.steps ?? [];
  // a path that must hand its ancestry to an enclosing path (`tuple` on the path itself) is not modelled
  if (node.tuple === true) unsupported('parent operator (%) across nested paths');
  if (first === 0 && steps[0]?.consarray === true) unsupported('array constructor bound with @/#');
  const binds = new Set<string>();
  for (const s of steps) collectBinds(s, binds);
  // assignments inside a tuple step would land in the tuple's frame, which this generator does not model
  if (binds.size > 0) unsupported('assignment inside a path with @/# bindings');
}

/**
 * A path with `@$x` / `#$i` (`evaluateTupleStep`): from the first such step on, each item travels as a
 * tuple `{'@': context, x: …, i: …}` and later steps, predicates, order-by terms and group-by see the
 * tuple's names as variables. Returns the raw result (sequence or grouped object), like `generatePath`.
 */
export function generateTuplePath(em: Emitter, node: AstNode, ctx: GenContext): string {
  const steps = node.steps ?? [];
  const first = steps.findIndex((s) => s.tuple === true);
  checkTuplePath(node, first);
  const seq = em.fresh('s');
  const tuples = em.fresh('tu');
  const label = em.fresh('steps');
  const lines = [`let ${tuples};`, `let ${seq} = rt.pathInput(${ctx.input}, ${steps[0]?.type === 'variable'});`, `${label}: {`];
  steps.slice(0, first).forEach((step, i) => {
    lines.push(i === 0 && step.consarray === true ? `${seq} = ${em.gen(step, deeper(ctx, seq))};` : regularStep(em, seq, step, false, ctx));
    lines.push(`if (${seq} === undefined || ${seq}.length === 0) break ${label};`);
  });
  const bound: string[] = [];
  steps.slice(first).forEach((step, k) => {
    if (step.type === 'sort') {
      if (step.ancestor !== undefined) unsupported('parent operator (%) after an order-by');
      if (k === 0) {
        // an order-by that starts the stream sorts plain items, then numbers them into tuples
        const terms = sortTerms(em, ctx, step, undefined);
        lines.push(`${tuples} = rt.sortedTuples(${seq}, ${terms}, ${JSON.stringify(step.index ?? 'undefined')});`);
      } else {
        lines.push(`${tuples} = rt.orderBy(${tuples}, ${sortTerms(em, ctx, step, [...bound])});`);
      }
      if (step.index !== undefined) bound.push(step.index);
    } else {
      if (k === 0) lines.push(`${tuples} = rt.toTuples(${seq});`);
      const focus = step.focus === undefined ? 'undefined' : JSON.stringify(step.focus);
      const index = step.index === undefined ? 'undefined' : JSON.stringify(step.index);
      const ancestor = step.ancestor === undefined ? 'undefined' : JSON.stringify(step.ancestor.label);
      lines.push(`${tuples} = rt.tupleStep(${tuples}, ${tupleFn(em, ctx, bound, step)}, ${focus}, ${index}, ${ancestor});`);
      if (step.focus !== undefined) bound.push(step.focus);
      if (step.index !== undefined) bound.push(step.index);
      // `%` below this step reads the context this step started from, bound under the parser's label
      if (step.ancestor !== undefined) bound.push(step.ancestor.label);
    }
    for (const stage of step.stages ?? []) lines.push(`${tuples} = ${tupleStage(em, tuples, stage, bound, ctx)};`);
  });
  lines.push(`${seq} = rt.fromTuples(${tuples});`, '}');
  if (node.keepSingletonArray === true) lines.push(`${seq} = rt.keepSingletonArray(${seq});`);
  if (node.group !== undefined) {
    // grouping a tuple stream: keys per tuple, values per merged group tuple (`reduceTupleStream`); if the
    // path ended before the stream started, it is an ordinary group-by
    const pairs = node.group.lhs.map(([key, value]) => `{ key: ${tupleFn(em, ctx, bound, key)}, value: ${tupleFn(em, ctx, bound, value)} }`);
    lines.push(`return ${tuples} === undefined ? ${generateGroup(em, seq, node.group.lhs, ctx)} : rt.groupTuples(st, ${tuples}, [${pairs.join(', ')}]);`);
  } else {
    lines.push(`return ${seq};`);
  }
  return `(() => { ${lines.join(' ')} })()`;
}

/** `(t) => expr` evaluated in the tuple's context with its names bound. */
function tupleFn(em: Emitter, ctx: GenContext, names: readonly string[], expr: AstNode): string {
  const t = em.fresh('t');
  const inner = tupleScope(em, deeper(ctx), t, names);
  return `(${t}) => { ${inner.lines} return ${em.gen(expr, { ...inner.ctx, input: `${t}["@"]` })}; }`;
}

/** The terms of an order-by step: over tuples (with `names` bound), or over plain items when undefined. */
function sortTerms(em: Emitter, ctx: GenContext, step: AstNode, names: readonly string[] | undefined): string {
  const terms = (step.terms ?? []).map((term) => {
    let key: string;
    if (names === undefined) {
      const x = em.fresh('o');
      key = `(${x}) => ${em.gen(term.expression, deeper(ctx, x))}`;
    } else {
      key = tupleFn(em, ctx, names, term.expression);
    }
    return `{ key: ${key}, descending: ${term.descending === true} }`;
  });
  return `[${terms.join(', ')}]`;
}

/** A predicate or `#$i` stage over the tuple stream (`evaluateStages`). */
function tupleStage(em: Emitter, tuples: string, stage: AstStage, bound: string[], ctx: GenContext): string {
  if (stage.type === 'index') {
    bound.push(String(stage.value));
    return `rt.indexTuples(${tuples}, ${JSON.stringify(String(stage.value))})`;
  }
  return `rt.filterTuples(${tuples}, ${tupleFn(em, ctx, [...bound], stage.expr)})`;
}
