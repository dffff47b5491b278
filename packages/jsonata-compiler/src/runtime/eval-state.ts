import type { Seq } from './sequence.js';

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
  deadline: number;
  timeoutMs: number;
  ticks: number;
  timestamp: Date;
  focus: NativeFocus;
}
