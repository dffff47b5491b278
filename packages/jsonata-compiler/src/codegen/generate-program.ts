import { compilableNatives } from '../runtime/native-runtime.js';
import type { AstNode } from './ast-node.js';
import { unsupported, type Emitter, type GenContext } from './emitter.js';
import { generateNode } from './generate-node.js';
import { collectBinds, resolve, type Scope } from './scope.js';

/** The generated source of one expression, with the constants it reads and the built-ins it names. */
export interface Program {
  source: string;
  constants: unknown[];
  natives: Set<string>;
}

/**
 * Generates the body of `function (rt, K)` that returns `(input, st) => result`. Generated code only
 * reads its parameters: field names and literals are emitted as JSON strings, variables as fresh local
 * identifiers, so no expression can name a global.
 */
export function generateProgram(ast: AstNode, nativeDefinition: (name: string) => unknown): Program {
  const constants: unknown[] = [];
  const natives = new Set<string>();
  const hoisted: string[] = [];
  let counter = 0;
  const em: Emitter = {
    gen: (node, ctx) => generateNode(em, node, ctx),
    constant(value) {
      constants.push(value);
      return `K[${constants.length - 1}]`;
    },
    fresh: (prefix) => `${prefix}${counter++}`,
    markNative: (name) => {
      natives.add(name);
    },
    contextValue: (ctx) => `rt.contextValue(${ctx.input})`,
    hoist: (declaration) => {
      hoisted.push(declaration);
    },
    variable(name, ctx) {
      if (name === '') return em.contextValue(ctx);
      const lexical = resolve(ctx.scope, name);
      if (lexical !== undefined) return lexical;
      if (name === '$') return 'st.root';
      if (name === 'eval' || name === 'clone') return unsupported(`$${name}()`);
      if (compilableNatives.has(name)) {
        natives.add(name);
        return em.constant(nativeDefinition(name));
      }
      return `rt.binding(st, ${JSON.stringify(name)})`;
    },
  };
  const names = new Set<string>();
  collectBinds(ast, names);
  const root: Scope = { parent: undefined, vars: new Map() };
  const lines: string[] = [];
  const rootCtx: GenContext = { input: 'input', scope: root, depth: 1, base: '0', locals: [] };
  for (const name of names) {
    const id = em.fresh('v');
    lines.push(`let ${id} = ${em.variable(name, rootCtx)};`);
    root.vars.set(name, id);
  }
  const body = generateNode(em, ast, rootCtx);
  if (rootCtx.locals.length > 0) lines.push(`let ${rootCtx.locals.join(', ')};`);
  lines.push(`return ${body};`);
  const source = `'use strict'; ${hoisted.join(' ')} return function compiledJsonata(input, st) { ${lines.join(' ')} };`;
  return { source, constants, natives };
}
