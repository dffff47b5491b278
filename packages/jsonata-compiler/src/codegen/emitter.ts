import type { AstNode } from './ast-node.js';
import type { Scope } from './scope.js';

/** Where a node is generated: its context value, its variables and its emulated evaluation depth. */
export interface GenContext {
  /** JS expression (an identifier) holding the context value `$`. */
  input: string;
  scope: Scope;
  /** Static depth of this node below the root of the enclosing lambda body (or of the expression). */
  depth: number;
  /** JS expression holding the dynamic depth at which the enclosing lambda was entered. */
  base: string;
  /** Temporaries declared once at the top of the enclosing generated JS function. */
  locals: string[];
}

/** Thrown by the generator for constructs it does not compile; the caller falls back to the interpreter. */
export class Unsupported extends Error {}

/** What construct generators need from the generator: recursion, constants and fresh names. */
export interface Emitter {
  gen(node: AstNode, ctx: GenContext): string;
  /** Stores a value in the constants table and returns the JS expression that reads it. */
  constant(value: unknown): string;
  fresh(prefix: string): string;
  /** Records that evaluation depends on a built-in, so that a binding shadowing it goes to the interpreter. */
  markNative(name: string): void;
  /** A JS expression that looks a variable up (lexical, binding, or built-in). */
  variable(name: string, ctx: GenContext): string;
  /** The context value as `$` sees it (the outer wrapper of an array input removed). */
  contextValue(ctx: GenContext): string;
  /** Adds a function declaration to the program's top level (made once, beside `rt` and `K`). */
  hoist(declaration: string): void;
}

/** A fresh temporary declared at the top of the enclosing generated function. */
export function local(em: Emitter, ctx: GenContext, prefix: string): string {
  const name = em.fresh(prefix);
  ctx.locals.push(name);
  return name;
}

/**
 * A context for code that runs inside a nested JS function (an IIFE): its temporaries are declared in
 * that function, not captured from the enclosing one — captured variables live in a heap context, and
 * every read and write of them is a memory access that V8 cannot keep in registers.
 */
export function ownLocals(ctx: GenContext): GenContext {
  return { ...ctx, locals: [] };
}

/** The declaration of a context's temporaries, for the top of its JS function ('' when none). */
export function declareLocals(ctx: GenContext): string {
  return ctx.locals.length > 0 ? `let ${ctx.locals.join(', ')};` : '';
}

/** True when a lambda is defined somewhere below `node` (it could capture a reused temporary). */
export function containsLambda(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(containsLambda);
  if (node === null || typeof node !== 'object') return false;
  if ((node as { type?: unknown }).type === 'lambda') return true;
  return Object.values(node).some(containsLambda);
}

/** Returns a child context one level deeper. */
export function deeper(ctx: GenContext, input: string = ctx.input): GenContext {
  return { ...ctx, input, depth: ctx.depth + 1 };
}

/** Throws Unsupported with a reason shown to the user. */
export function unsupported(reason: string): never {
  throw new Unsupported(reason);
}
