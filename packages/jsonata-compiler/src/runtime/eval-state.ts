import { createSequence, type Seq } from './sequence.js';

/** The `this` the interpreter hands to its native functions. */
export interface NativeFocus {
  input: unknown;
  environment: { timestamp: Date; lookup(name: string): unknown };
  options: undefined;
  createSequence: (...items: unknown[]) => Seq;
}

/** Per-evaluation state threaded through generated code: bindings, root, and the time/depth box. */
export interface EvalState {
  bindings: Record<string, unknown>;
  root: unknown;
  /** Emulated interpreter evaluation depth of the innermost active call site. */
  depth: number;
  maxDepth: number;
  /** Largest sequence the range operator may build. */
  maxSequence: number;
  /** Clock time at which D1012 is thrown; 0 until the first time check starts the clock (see `checkTime`). */
  deadline: number;
  timeoutMs: number;
  ticks: number;
  /** Loop iterations counted since the last time check. */
  work: number;
  timestamp: Date;
  /** Created on the first built-in call that needs it (most evaluations never do). */
  focus: NativeFocus | undefined;
}

const noLookup = (): undefined => undefined;

/** The `this` for the interpreter's built-in implementations, made once per evaluation when first needed. */
export function focusOf(st: EvalState): NativeFocus {
  return (st.focus ??= { input: undefined, environment: { timestamp: st.timestamp, lookup: noLookup }, options: undefined, createSequence });
}
