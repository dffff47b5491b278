import type { AstNode } from './codegen/ast-node.js';
import { Unsupported } from './codegen/emitter.js';
import { generateProgram } from './codegen/generate-program.js';
import { boundsWithDefaults, interpret, type EvaluationBounds } from './interpreter-fallback.js';
import { nativeFunctions, nativesComplete } from './native-functions.js';
import type { EvalState } from './runtime/eval-state.js';
import { isJsonataError, jsonataError } from './runtime/jsonata-error.js';
import { nativeDefinition } from './runtime/native-runtime.js';
import { runtimeTable } from './runtime/runtime-table.js';
import { createSequence, type Seq } from './runtime/sequence.js';
import { withMessage } from './error-messages.js';

/** Options of {@link compileJsonata}. */
export interface CompileOptions extends EvaluationBounds {
  /** `'interpreter'` skips compilation (the per-node switch); default `'compiled'` when possible. */
  engine?: 'compiled' | 'interpreter';
}

/** Variables visible to the expression as `$name`. */
export type Bindings = Record<string, unknown>;

/** A compiled expression: synchronous, no Promise per record. */
export interface CompiledMode {
  mode: 'compiled';
  evaluate(input: unknown, bindings?: Bindings): unknown;
  /** The generated JS source, for debugging. */
  source: string;
}

/** An expression left to the jsonata interpreter; `reason` says why. */
export interface InterpretedMode {
  mode: 'interpreted';
  reason: string;
  evaluate(input: unknown, bindings?: Bindings): Promise<unknown>;
}

/** What {@link compileJsonata} returns; `await expr.evaluate(x)` works for both modes. */
export type CompiledJsonata = CompiledMode | InterpretedMode;

const EPOCH = new Date(0);

type Compiled = (input: unknown, st: EvalState) => unknown;

const hasOwn = Object.prototype.hasOwnProperty;
/** The bindings of a call without any: nothing to check, nothing to shadow. */
const NO_BINDINGS: Bindings = Object.freeze({});

/** Host functions may be async and bindings may shadow built-ins: the interpreter handles those calls. */
function needsInterpreter(bindings: Bindings, natives: readonly string[]): boolean {
  for (const key in bindings) {
    if (hasOwn.call(bindings, key) && typeof bindings[key] === 'function') return true;
  }
  for (let i = 0; i < natives.length; i++) if (hasOwn.call(bindings, natives[i] as string)) return true;
  return false;
}

/**
 * Compiles a JSONata expression to a JS function, or falls back to the interpreter for the whole
 * expression when it uses a construct the compiler does not support. Throws the interpreter's parse
 * error (S0xxx) for invalid expressions.
 */
export function compileJsonata(expression: string, options: CompileOptions = {}): CompiledJsonata {
  const bounds = boundsWithDefaults(options);
  const interpreter = interpret(expression, bounds);
  const ast = interpreter.ast as AstNode;
  const fallback = interpreter.evaluate;
  const interpreted = (reason: string): InterpretedMode => ({ mode: 'interpreted', reason, evaluate: fallback });
  if (options.engine === 'interpreter') return interpreted('the interpreter was requested (engine: interpreter)');
  if (!nativesComplete) return interpreted('not compiled: the built-ins of this jsonata version could not be read');
  let program;
  let run: Compiled;
  try {
    program = generateProgram(ast, nativeDefinition);
    const factory = new Function('rt', 'K', program.source) as (rt: typeof runtimeTable, k: unknown[]) => Compiled;
    run = factory(runtimeTable, program.constants);
  } catch (err) {
    if (err instanceof Unsupported) return interpreted(`not compiled: ${err.message}`);
    // a generator bug must cost speed, not correctness
    return interpreted(`not compiled: internal compiler error (${err instanceof Error ? err.message : String(err)})`);
  }
  const shadowable = [...program.natives];
  const needsClock = shadowable.some((name) => name === 'now' || name === 'millis' || name === 'toMillis');
  const { maxDepth, timeoutMs, maxSequence } = bounds;

  const evaluate = (input: unknown, bindings: Bindings = NO_BINDINGS): unknown => {
    if (bindings !== NO_BINDINGS && needsInterpreter(bindings, shadowable)) {
      return fallback(input, bindings);
    }
    // only $now, $millis and $toMillis read the evaluation's timestamp; skip the clock call otherwise
    // (the time box starts its clock lazily, see checkTime)
    const timestamp = needsClock ? new Date() : EPOCH;
    const st: EvalState = {
      bindings,
      root: input,
      depth: 0,
      maxDepth,
      maxSequence,
      timeoutMs,
      deadline: needsClock ? timestamp.getTime() + timeoutMs : 0,
      ticks: 0,
      work: 0,
      timestamp,
      focus: undefined,
    };
    let context = input;
    if (Array.isArray(input) && (input as Seq).sequence !== true) {
      const wrapped = createSequence(input);
      wrapped.outerWrapper = true;
      context = wrapped;
    }
    try {
      return run(context, st);
    } catch (err) {
      if (err instanceof RangeError && /call stack/i.test(err.message)) {
        throw withMessage(jsonataError('D1011', { value: maxDepth }));
      }
      if (isJsonataError(err)) throw withMessage(err);
      throw err;
    }
  };
  return { mode: 'compiled', evaluate, source: program.source };
}

/** The built-in function names the compiler knows (without `$`). */
export const knownFunctions: readonly string[] = [...nativeFunctions.keys()];
