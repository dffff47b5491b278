import type { AstNode } from './ast-node.js';

/** A JSONata frame as the generator sees it: names assigned in it map to JS identifiers. */
export interface Scope {
  parent: Scope | undefined;
  vars: Map<string, string>;
}

/** Finds the identifier a name resolves to lexically, if any. */
export function resolve(scope: Scope | undefined, name: string): string | undefined {
  for (let s = scope; s !== undefined; s = s.parent) {
    const found = s.vars.get(name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Collects the names bound with `:=` directly in a frame: blocks and lambda bodies open frames of their
 * own; everything else (paths, predicates, constructors, tail-call thunks) binds into the current one.
 */
export function collectBinds(node: AstNode | undefined, out: Set<string>): void {
  if (node === undefined || node === null || typeof node !== 'object') return;
  if (node.type === 'block' || (node.type === 'lambda' && node.thunk !== true)) return;
  if (node.type === 'bind') {
    out.add(String((node.lhs as AstNode).value));
    collectBinds(node.rhs, out);
    return;
  }
  for (const child of childrenOf(node)) collectBinds(child, out);
}

/** The direct sub-expressions of a node (for scans; the generator handles each type itself). */
export function childrenOf(node: AstNode): AstNode[] {
  const out: AstNode[] = [];
  const add = (n: AstNode | undefined): void => {
    if (n !== undefined && n !== null) out.push(n);
  };
  for (const s of node.steps ?? []) add(s);
  for (const s of node.stages ?? []) add(s.expr);
  for (const p of node.predicate ?? []) add(p.expr);
  for (const [k, v] of node.group?.lhs ?? []) {
    add(k);
    add(v);
  }
  for (const e of node.expressions ?? []) add(e);
  add(node.expression);
  if (Array.isArray(node.lhs)) {
    for (const [k, v] of node.lhs) {
      add(k);
      add(v);
    }
  } else {
    add(node.lhs);
  }
  add(node.rhs);
  add(node.condition);
  add(node.then);
  add(node.else);
  add(node.procedure);
  for (const a of node.arguments ?? []) add(a);
  add(node.body);
  for (const t of node.terms ?? []) add(t.expression);
  return out;
}
