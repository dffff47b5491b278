import type { AstNode, AstStage } from './ast-node.js';
import { deeper, unsupported, type Emitter, type GenContext } from './emitter.js';
import { regularStep } from './generate-path.js';
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
  if (node.tuple === true || steps.some((s) => s.ancestor !== undefined)) unsupported('parent operator (%)');
  if (node.group !== undefined) unsupported('group-by on a path with @/# bindings');
  if (steps.slice(first).some((s) => s.type === 'sort')) unsupported('order-by in a path with @/# bindings');
  if (first === 0 && steps[0]?.consarray === true) unsupported('array constructor bound with @/#');
  const binds = new Set<string>();
  for (const s of steps) collectBinds(s, binds);
  // assignments inside a tuple step would land in the tuple's frame, which this generator does not model
  if (binds.size > 0) unsupported('assignment inside a path with @/# bindings');
}

/**
 * A path with `@$x` / `#$i` (`evaluateTupleStep`): from the first such step on, each item travels as a
 * tuple `{'@': context, x: …, i: …}` and later steps and predicates see the tuple's names as variables.
 * Returns the raw result sequence, like `generatePath`.
 */
export function generateTuplePath(em: Emitter, node: AstNode, ctx: GenContext): string {
  const steps = node.steps ?? [];
  const first = steps.findIndex((s) => s.tuple === true);
  checkTuplePath(node, first);
  const seq = em.fresh('s');
  const tuples = em.fresh('tu');
  const label = em.fresh('steps');
  const lines = [`let ${seq} = rt.pathInput(${ctx.input}, ${steps[0]?.type === 'variable'});`, `${label}: {`];
  steps.slice(0, first).forEach((step, i) => {
    lines.push(i === 0 && step.consarray === true ? `${seq} = ${em.gen(step, deeper(ctx, seq))};` : regularStep(em, seq, step, false, ctx));
    lines.push(`if (${seq} === undefined || ${seq}.length === 0) break ${label};`);
  });
  lines.push(`let ${tuples} = rt.toTuples(${seq});`);
  const bound: string[] = [];
  for (const step of steps.slice(first)) {
    const t = em.fresh('t');
    const inner = tupleScope(em, deeper(ctx), t, [...bound]);
    const body = em.gen(step, { ...inner.ctx, input: `${t}["@"]` });
    const focus = step.focus === undefined ? 'undefined' : JSON.stringify(step.focus);
    const index = step.index === undefined ? 'undefined' : JSON.stringify(step.index);
    lines.push(`${tuples} = rt.tupleStep(${tuples}, (${t}) => { ${inner.lines} return ${body}; }, ${focus}, ${index});`);
    if (step.focus !== undefined) bound.push(step.focus);
    if (step.index !== undefined) bound.push(step.index);
    for (const stage of step.stages ?? []) lines.push(`${tuples} = ${tupleStage(em, tuples, stage, bound, ctx)};`);
  }
  lines.push(`${seq} = rt.fromTuples(${tuples});`, '}');
  if (node.keepSingletonArray === true) lines.push(`${seq} = rt.keepSingletonArray(${seq});`);
  lines.push(`return ${seq};`);
  return `(() => { ${lines.join(' ')} })()`;
}

/** A predicate or `#$i` stage over the tuple stream (`evaluateStages`). */
function tupleStage(em: Emitter, tuples: string, stage: AstStage, bound: string[], ctx: GenContext): string {
  if (stage.type === 'index') {
    bound.push(String(stage.value));
    return `rt.indexTuples(${tuples}, ${JSON.stringify(String(stage.value))})`;
  }
  const t = em.fresh('t');
  const inner = tupleScope(em, deeper(ctx), t, [...bound]);
  const body = em.gen(stage.expr, { ...inner.ctx, input: `${t}["@"]` });
  return `rt.filterTuples(${tuples}, (${t}) => { ${inner.lines} return ${body}; })`;
}
