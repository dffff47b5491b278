import { FUNCTION_OBJECT_KEYS } from '../runtime/fast-paths.js';
import type { AstNode, AstStage } from './ast-node.js';
import { declareLocals, deeper, ownLocals, unsupported, type Emitter, type GenContext } from './emitter.js';
import { inlineFieldChain, inlinePathPrefix } from './generate-field.js';
import { callBlock, canHoist } from './hoist.js';

/** Generates a predicate application (`[expr]`) over the JS expression `value`. */
export function applyFilter(em: Emitter, value: string, stage: AstStage, ctx: GenContext): string {
  if (stage.type !== 'filter') unsupported(`positional variable binding (#${stage.value ?? ''})`);
  const pred = stage.expr;
  if (pred.type === 'number') return `rt.index(${value}, ${JSON.stringify(pred.value)})`;
  // inlined loop: no closure per evaluation; boolean results (comparisons) decide directly
  const items = em.fresh('items');
  const out = em.fresh('kept');
  const i = em.fresh('i');
  const item = em.fresh('p');
  const r = em.fresh('r');
  return callBlock(em, ctx, [pred], [[items, `rt.asItems(${value})`]], (inner) => {
    const test = em.gen(pred, deeper(inner, item));
    return (
      `const ${out} = rt.emptySequence(); ` +
      `rt.tickLoop(st, ${items}.length); for (let ${i} = 0; ${i} < ${items}.length; ${i}++) { const ${item} = ${items}[${i}]; const ${r} = ${test}; ` +
      `if (${r} === true) ${out}.push(${item}); else if (${r} !== false) rt.filterPush(${out}, ${r}, ${item}, ${i}, ${items}.length); } ` +
      `return ${out};`
    );
  });
}

/** `(param) => expr` with its own temporaries. */
function callback(em: Emitter, param: string, expr: AstNode, ctx: GenContext, withState = false): string {
  const inner = ownLocals(ctx);
  const code = em.gen(expr, inner);
  return `(${param}${withState ? ', st' : ''}) => { ${declareLocals(inner)} return ${code}; }`;
}

function checkStep(step: AstNode): void {
  if (step.tuple === true) unsupported('context/positional variable binding here');
}

function generateSort(em: Emitter, seq: string, step: AstNode, ctx: GenContext): string {
  const terms = (step.terms ?? []).map((term) => {
    const item = em.fresh('o');
    return `{ key: ${callback(em, item, term.expression, deeper(ctx, item))}, descending: ${term.descending === true} }`;
  });
  let code = `rt.orderBy(${seq}, [${terms.join(', ')}])`;
  for (const stage of step.stages ?? []) code = applyFilter(em, code, stage, ctx);
  return code;
}

export function isPlainStep(s: AstNode): boolean {
  if (s.type === 'name' && FUNCTION_OBJECT_KEYS.has(String(s.value))) return false;
  return s.stages === undefined && s.keepArray !== true && s.predicate === undefined && s.group === undefined;
}

/** Names-only paths without predicates take a specialised runtime loop. */
function isPlainNamePath(node: AstNode): boolean {
  return node.group === undefined && node.keepSingletonArray !== true && (node.steps ?? []).every((s) => s.type === 'name' && isPlainStep(s));
}

/** `$v.a.b`: a plain variable (or `$`, `$$`) followed by plain names. */
function isVariableNamePath(node: AstNode): boolean {
  const [first, ...rest] = node.steps ?? [];
  return (
    first !== undefined && first.type === 'variable' && isPlainStep(first) && rest.length > 0 &&
    node.group === undefined && node.keepSingletonArray !== true && rest.every((s) => s.type === 'name' && isPlainStep(s))
  );
}

/** A path (`a.b[0].c`) with JSONata's sequence semantics; the raw (un-normalised) result sequence. */
export function generatePath(em: Emitter, node: AstNode, outer: GenContext): string {
  const steps = node.steps ?? [];
  if (node.tuple === true) unsupported('parent operator (%)');
  steps.forEach(checkStep);
  const ctx = outer;
  if (node.group !== undefined && isPlainNamePath({ ...node, group: undefined })) {
    // grouping sees the same items whether the steps' sequence is normalised or not (cons arrays aside)
    const names = steps.map((s) => String(s.value));
    const keys = em.constant(names);
    // the inline field chain is namePath with its common shapes inlined (as for a plain name path)
    const items = names.length === 1 ? `rt.namePath(${ctx.input}, ${keys})` : inlineFieldChain(em, ctx, ctx.input, names, (x: string) => `rt.namePath(${x}, ${keys})`);
    if (node.group.lhs.length === 1) return generateGroup(em, items, node.group.lhs, ctx, true);
    return `rt.groupItems(${generateGroup(em, items, node.group.lhs, ctx).replace(/^rt\.group\(/, '')}`;
  }
  if (isPlainNamePath(node)) {
    const keys = steps.map((s) => String(s.value));
    const general = keys.length === 1 ? (x: string) => `rt.field(${x}, ${JSON.stringify(keys[0])})` : (x: string) => `rt.namePath(${x}, ${em.constant(keys)})`;
    return inlineFieldChain(em, ctx, ctx.input, keys, general);
  }
  if (isVariableNamePath(node)) {
    // the variable's value starts the path whatever the context is (arrays in it are iterated)
    const keys = steps.slice(1).map((s) => String(s.value));
    const first = em.gen(steps[0] as AstNode, deeper(ctx));
    const general = keys.length === 1 ? (x: string) => `rt.varField(${x}, ${JSON.stringify(keys[0])})` : (x: string) => `rt.varPath(${x}, ${em.constant(keys)})`;
    return inlineFieldChain(em, ctx, first, keys, general);
  }
  return callBlock(em, outer, [node], [], (inner) => pathStatements(em, node, inner));
}

/** A plain variable first step (`$`, `$v`) followed by an ordinary step that only reads its input. */
function leadingVariableStep(steps: AstNode[]): boolean {
  const [first, next] = steps;
  return (
    first !== undefined && next !== undefined && first.type === 'variable' && isPlainStep(first) &&
    first.consarray !== true && first.tuple !== true && next.type !== 'sort' && next.consarray !== true
  );
}

/** How a consumer reads the items its step runs over: their number, and the item at a JS index. */
export interface StepItems {
  count: string;
  item: (i: string) => string;
}

/**
 * A replacement for a path's last step that consumes the items instead of collecting them: `declare` runs
 * before the steps, `step(items)` in place of the last step, and `result` is returned (for a path whose
 * earlier steps came out empty too).
 */
export interface LastStepConsumer {
  declare: string;
  step: (items: StepItems, step: AstNode, ctx: GenContext) => string;
  result: string;
}

/**
 * The statements of a general path: its steps over a sequence, then keep-array and group-by (a path with a
 * `consumer` has neither: the caller checks).
 */
export function pathStatements(em: Emitter, node: AstNode, ctx: GenContext, consumer?: LastStepConsumer): string {
  const steps = node.steps ?? [];
  const seq = em.fresh('s');
  const lines: string[] = [];
  const firstIsVariable = steps[0]?.type === 'variable';
  // leading plain name steps (not the last step) take the closure-free name walk
  let prefix = 0;
  while (prefix < steps.length - 1 && steps[prefix]?.type === 'name' && isPlainStep(steps[prefix] as AstNode)) prefix++;
  if (prefix > 0) {
    const keys = steps.slice(0, prefix).map((s) => String(s.value));
    // an ordinary next step only reads the items (a sort step may hand its input on)
    const borrow = steps[prefix]?.type !== 'sort';
    lines.push(`let ${seq} = ${inlinePathPrefix(em, ctx, ctx.input, keys, (x) => `rt.pathPrefix(${x}, ${em.constant(keys)})`, borrow)};`);
  } else if (leadingVariableStep(steps)) {
    // a path starting at a variable iterates a one-item sequence of the context: the step's value, its
    // array items spliced in, is what the next (ordinary, read-only) step iterates; no wrap and no copy
    const v = em.fresh('lv');
    const body = em.gen(steps[0] as AstNode, deeper(ctx));
    if (consumer !== undefined && steps.length === 2) {
      // a consumer reads a lone value as the one item itself (`seq` undefined), without a one-item array
      lines.push(`const ${v} = ${body}; const ${seq} = ${v} === undefined ? rt.NO_ITEMS : Array.isArray(${v}) && !${v}.cons ? ${v} : undefined;`);
      lines.push(consumer.declare, consumer.step({ count: `(${seq} === undefined ? 1 : ${seq}.length)`, item: (i) => `(${seq} === undefined ? ${v} : ${seq}[${i}])` }, steps[1] as AstNode, ctx));
      return `${lines.join(' ')} return ${consumer.result};`;
    }
    lines.push(`const ${v} = ${body}; let ${seq} = ${v} === undefined ? rt.emptySequence() : Array.isArray(${v}) && !${v}.cons ? ${v} : [${v}];`);
    prefix = 1;
  } else {
    lines.push(`let ${seq} = rt.pathInput(${ctx.input}, ${firstIsVariable});`);
  }
  const label = em.fresh('steps');
  if (consumer !== undefined) lines.push(consumer.declare);
  lines.push(`${label}: {`);
  steps.forEach((step, i) => {
    if (i < prefix) return;
    const last = i === steps.length - 1;
    const stepCtx = deeper(ctx);
    if (last && consumer !== undefined) {
      lines.push(consumer.step({ count: `${seq}.length`, item: (k) => `${seq}[${k}]` }, step, ctx));
    } else if (i === 0 && step.consarray === true) {
      lines.push(`${seq} = ${em.gen(step, deeper(ctx, seq))};`);
    } else if (step.type === 'sort') {
      lines.push(`${seq} = ${generateSort(em, seq, step, stepCtx)};`);
    } else {
      lines.push(regularStep(em, seq, step, last, ctx));
    }
    if (!last) lines.push(`if (${seq} === undefined || ${seq}.length === 0) break ${label};`);
  });
  lines.push('}');
  if (consumer !== undefined) return `${lines.join(' ')} return ${consumer.result};`;
  if (node.keepSingletonArray === true) lines.push(`${seq} = rt.keepSingletonArray(${seq});`);
  if (node.group !== undefined) lines.push(`${seq} = ${generateGroup(em, seq, node.group.lhs, ctx)};`);
  lines.push(`return ${seq};`);
  return lines.join(' ');
}

/**
 * One ordinary step over the sequence in `seq` (`evaluateStep`), predicates applied per item: results are
 * flattened one level straight into the new sequence; a lone raw array from the last step is kept as is.
 */
export function regularStep(em: Emitter, seq: string, step: AstNode, last: boolean, ctx: GenContext): string {
  const stages = step.stages ?? [];
  const only = stages.length === 1 ? stages[0] : undefined;
  if (only?.type === 'filter' && only.expr.type !== 'number' && step.keepArray !== true && step.group === undefined && step.predicate === undefined) {
    return filteredStep(em, seq, step, only.expr, ctx);
  }
  const item = em.fresh('x');
  const out = em.fresh('out');
  const i = em.fresh('i');
  const r = em.fresh('r');
  const single = em.fresh('one');
  const count = em.fresh('n');
  let body = em.gen(step, deeper(ctx, item));
  for (const stage of step.stages ?? []) body = applyFilter(em, body, stage, deeper(ctx, item));
  const keepLoneArray = last
    ? `${seq} = ${count} === 1 && Array.isArray(${single}) && !rt.isSequence(${single}) ? ${single} : ${out};`
    : `${seq} = ${out};`;
  return (
    `{ const ${out} = rt.emptySequence(); let ${single}; let ${count} = 0; ` +
    `rt.tickLoop(st, ${seq}.length); for (let ${i} = 0; ${i} < ${seq}.length; ${i}++) { const ${item} = ${seq}[${i}]; const ${r} = ${body}; ` +
    `if (${r} !== undefined) { ${count}++; ${single} = ${r}; if (Array.isArray(${r}) && !${r}.cons) { for (let k = 0; k < ${r}.length; k++) ${out}.push(${r}[k]); } else ${out}.push(${r}); } } ` +
    `${keepLoneArray} }`
  );
}

/**
 * A step with one predicate, `a[pred]`: the kept items go straight into the step's result. Same result
 * as filtering into a sequence per item and flattening that: the filtered sequence is always a sequence
 * (never a lone raw array), so its items are all the step ever adds.
 */
function filteredStep(em: Emitter, seq: string, step: AstNode, pred: AstNode, ctx: GenContext): string {
  const item = em.fresh('x');
  const out = em.fresh('out');
  const i = em.fresh('i');
  const items = em.fresh('items');
  const j = em.fresh('j');
  const p = em.fresh('p');
  const r = em.fresh('r');
  const value = em.gen(step, deeper(ctx, item));
  const test = em.gen(pred, deeper(deeper(ctx, item), p));
  return (
    `{ const ${out} = rt.emptySequence(); rt.tickLoop(st, ${seq}.length); ` +
    `for (let ${i} = 0; ${i} < ${seq}.length; ${i}++) { const ${item} = ${seq}[${i}]; const ${items} = rt.asItems(${value}); ` +
    `rt.tickLoop(st, ${items}.length); for (let ${j} = 0; ${j} < ${items}.length; ${j}++) { const ${p} = ${items}[${j}]; const ${r} = ${test}; ` +
    `if (${r} === true) ${out}.push(${p}); else if (${r} !== false) rt.filterPush(${out}, ${r}, ${p}, ${j}, ${items}.length); } } ` +
    `${seq} = ${out}; }`
  );
}

/** An object constructor / group-by applied to the JS expression `input`. */
export function generateGroup(em: Emitter, input: string, pairs: [AstNode, AstNode][], ctx: GenContext, consIsOneItem = false): string {
  const [single] = pairs;
  if (single !== undefined && pairs.length === 1) return inlineGroup(em, input, single, ctx, consIsOneItem);
  // pairs that read only the state (passed to them) are made once at top level, not per evaluation
  const hoisted = canHoist(ctx, pairs.flat());
  const parts = pairs.map(([key, value]) => {
    const k = em.fresh('k');
    const v = em.fresh('v');
    return `{ key: ${callback(em, k, key, deeper(ctx, k), hoisted)}, value: ${callback(em, v, value, deeper(ctx, v), hoisted)} }`;
  });
  if (!hoisted) return `rt.group(st, ${input}, [${parts.join(', ')}])`;
  const g = em.fresh('g');
  em.hoist(`const ${g} = [${parts.join(', ')}];`);
  return `rt.group(st, ${input}, ${g})`;
}

/**
 * `expr{ key: value }` with one pair (`groupReduce` for one pair) as a loop, the key and value written
 * in: items grouped by their key (a string, else T1003; undefined skips the item) in a `GroupTable`, then
 * the value is evaluated once per group with the group's items (one item itself, several appended) as
 * context. With one pair no key can come from another pair, so D1009 cannot arise. The result has
 * `Object.prototype` (as literal-keyed constructors' do: a null-prototype object is a slow dictionary);
 * `__proto__` is then set as an own property.
 */
function inlineGroup(em: Emitter, input: string, [key, value]: [AstNode, AstNode], ctx: GenContext, consIsOneItem: boolean): string {
  const source = em.fresh('gi');
  const items = em.fresh('items');
  const table = em.fresh('groups');
  const i = em.fresh('i');
  const item = em.fresh('it');
  const k = em.fresh('key');
  const order = em.fresh('order');
  const at = em.fresh('at');
  const result = em.fresh('res');
  const c = em.fresh('c');
  const val = em.fresh('val');
  return callBlock(em, ctx, [key, value], [[source, input]], (inner) => {
    const keyCode = em.gen(key, deeper(inner, item));
    const valueCode = em.gen(value, deeper(inner, c));
    return (
      `const ${items} = rt.groupInput(${source}, ${consIsOneItem}); const ${table} = new rt.GroupTable(); ` +
      `for (let ${i} = 0; ${i} < ${items}.length; ${i}++) { const ${item} = ${items}[${i}]; const ${k} = ${keyCode}; ` +
      `if (typeof ${k} !== 'string') { if (${k} === undefined) continue; rt.groupKeyError(${k}); } ${table}.add(${k}, ${item}); } ` +
      `const ${result} = {}; const ${order} = ${table}.order(); ` +
      `for (let ${i} = 0; ${i} < ${table}.keys.length; ${i}++) { const ${at} = ${order} === undefined ? ${i} : ${order}[${i}]; const ${c} = ${table}.context(${at}); ` +
      `const ${val} = ${valueCode}; if (${val} !== undefined) { const ${k} = ${table}.keys[${at}]; if (${k} === '__proto__') rt.setOwn(${result}, ${k}, ${val}); else ${result}[${k}] = ${val}; } } ` +
      `return ${result};`
    );
  });
}
